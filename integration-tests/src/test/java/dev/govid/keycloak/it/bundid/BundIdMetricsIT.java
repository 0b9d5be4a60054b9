package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GovID's counters on Keycloak's own metrics endpoint (management interface, {@code --metrics-enabled=true}):
 * a BundID login and a refused one move them, with provider type, level, outcome and code as the only labels.
 */
class BundIdMetricsIT {

    private static KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServers() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
    }

    @Test
    void loginsRefusalsAndRevisionLogWritesAreCounted() throws Exception {
        String before = metrics();
        BundIdLoginIT.newLogin()
                .start()
                .atIdp()
                .loginAs("erika", "eID", "none")
                .backToKeycloak()
                .tokens();
        String afterLogin = metrics();
        assertThat(value(afterLogin, "govid_logins_total", "eid=\"govid-bundid\"", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(
                        value(before, "govid_logins_total", "eid=\"govid-bundid\"", "outcome=\"success\"") + 1);
        assertThat(value(afterLogin, "govid_revision_log_write_seconds_count"))
                .isGreaterThan(value(before, "govid_revision_log_write_seconds_count"));

        BundIdLogin refused = BundIdLoginIT.newLogin()
                .start()
                .atIdp()
                .loginAs("temp", "Benutzername", "none")
                .backToKeycloak();
        assertThat(refused.errorPageText()).contains("temporary login");
        String afterRefusal = metrics();
        assertThat(value(afterRefusal, "govid_logins_total", "eid=\"govid-bundid\"", "outcome=\"refused\""))
                .isGreaterThanOrEqualTo(
                        value(afterLogin, "govid_logins_total", "eid=\"govid-bundid\"", "outcome=\"refused\"") + 1);
        assertThat(value(afterRefusal, "govid_refusals_total", "eid=\"govid-bundid\""))
                .isGreaterThanOrEqualTo(value(afterLogin, "govid_refusals_total", "eid=\"govid-bundid\"") + 1);

        String govIdLines = String.join(
                "\n", afterRefusal.lines().filter(l -> l.startsWith("govid_")).toList());
        assertThat(govIdLines).doesNotContain("Erika", "Mustermann", SharedKeycloak.demoClientSecret(), "127.0.0.1");
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.managementUrl() + "/metrics"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Sum of the samples of one metric whose labels contain all the given pairs (0 when none exists yet). */
    private static double value(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
