package dev.govid.keycloak.it.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Json;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the {@code axe.min.js} shipped in Deque's Maven artifact) injected into the current page and run
 * with the WCAG 2.1 A and AA rule tags. Violations come back as readable lines for the assertion message.
 */
final class Axe {

    static final List<String> WCAG21_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    private static final String SOURCE = load();

    private Axe() {}

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each violation as "rule (impact): help — target: summary", one line per failing node. */
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(r => { console.info('axe needs review: ' + r.incomplete.map(i => i.id).join(', '));
                                window.__govidAxeIncomplete = r.incomplete.map(i => i.id + ' ' + i.nodes.map(n => n.target.join(' ')).join(' | '));
                                done(JSON.stringify(r.violations)); })
                   .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}])));
                """, WCAG21_AA);
        List<String> lines = new ArrayList<>();
        for (JsonNode v : Json.parse(String.valueOf(result))) {
            String head = v.path("id").asText() + " (" + v.path("impact").asText() + "): "
                    + v.path("help").asText();
            if (v.path("nodes").isEmpty()) {
                lines.add(head);
            }
            for (JsonNode node : v.path("nodes")) {
                lines.add(head + " — " + node.path("target") + ": "
                        + node.path("failureSummary").asText().replace('\n', ' '));
            }
        }
        return lines;
    }

    /** What axe could not decide on the last run ("needs review"), for the test log. */
    static String lastIncomplete(WebDriver driver) {
        return String.valueOf(
                ((JavascriptExecutor) driver).executeScript("return (window.__govidAxeIncomplete || []).join('; ')"));
    }

    static String version(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        return String.valueOf(js.executeScript("return axe.version;"));
    }
}
