package dev.govid.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.digid.DigidSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * "Log in with DigiD" in a real browser (Debian's headless chromium) against the real Keycloak and the simulator's
 * DigiD 4.x mode, for oneself and on behalf of someone else (DigiD Machtigen): the representation question, the
 * selection page offering DigiD next to the other eIDs, the simulator's DigiD page, the answer by HTTP-Artifact over
 * the mutual-TLS back channel, and the ID token the application receives. Screenshots at phone and desktop widths
 * under target/screenshots (the current ones are committed in docs/screenshots and shown in docs/digid.md).
 */
class DigidBrowserIT {

    private static final String CLIENT = "digid-browser";
    private static final int DESKTOP = 1280;
    private static final int PHONE = 360;

    private static KeycloakServer keycloak;
    private static ChromeDriver driver;
    private static TestApp app;

    @BeforeAll
    static void start() {
        driver = HeadlessChromium.start();
        keycloak = SharedKeycloak.get();
        DigidSetup.ready();
        app = TestApp.start();
        keycloak.admin()
                .getJson("/" + DigidSetup.REALM + "/clients?clientId=" + CLIENT)
                .forEach(existing -> keycloak.admin()
                        .delete("/" + DigidSetup.REALM + "/clients/"
                                + existing.path("id").asText()));
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","name":"Gemeente Voorbeeld","publicClient":true,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "protocolMappers":[
                   {"name":"digid","protocol":"openid-connect","protocolMapper":"govid-digid-claims","config":{"id.token.claim":"true"}},
                   {"name":"represents","protocol":"openid-connect","protocolMapper":"govid-represents","config":{"id.token.claim":"true"}}]}
                """.formatted(CLIENT, app.origin()));
        client.set(
                "attributes",
                Json.object()
                        .put("govid.representation", "optional")
                        .put("govid.mandate.profiles", DigidSetup.SERVICE_UUID)
                        .put("govid.mandate.mandators", "natural")
                        .put("govid.selection.eids", DigidSetup.V4 + "##bundid##idaustria")
                        .put("govid.sso.confirmation", "false"));
        keycloak.admin().createClient(DigidSetup.REALM, client);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void freshBrowserSession() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
    }

    @Test
    void logInWithDigidForOneself() {
        OidcClient oidc = oidc();
        AuthorizationRequest authorization = oidc.newAuthorizationRequest("openid", Map.of("ui_locales", "nl"));
        driver.get(authorization.url());
        answerRepresentation("representation-self");

        onPage("govid-eid-list");
        assertThat(driver.findElement(By.id("social-" + DigidSetup.V4)).getText())
                .contains("DigiD");
        checkPage("digid-eid-selection");
        driver.findElement(By.id("social-" + DigidSetup.V4)).click();

        atSimulator("jan", "digid-simulator");
        JsonNode claims = tokens(oidc, authorization).idTokenClaims();
        assertThat(claims.path("digid").path("bsn").asText()).isEqualTo("999990007");
        assertThat(claims.has("represents")).isFalse();
        showClaims(claims, "digid-id-token");
    }

    @Test
    void logInWithDigidMachtigenOnBehalfOfSomeoneElse() {
        OidcClient oidc = oidc();
        AuthorizationRequest authorization = oidc.newAuthorizationRequest("openid", Map.of("ui_locales", "nl"));
        driver.get(authorization.url());
        answerRepresentation("representation-on-behalf");

        onPage("govid-eid-list");
        checkPage("digid-eid-selection-on-behalf");
        driver.findElement(By.id("social-" + DigidSetup.V4)).click();

        atSimulator("eva-voor-vader", "digid-simulator-machtigen");
        JsonNode claims = tokens(oidc, authorization).idTokenClaims();
        assertThat(claims.path("digid").path("bsn").asText()).isEqualTo("999990019");
        assertThat(claims.path("represents").toString()).contains("999990020");
        showClaims(claims, "digid-machtigen-id-token");
    }

    private static OidcClient oidc() {
        return new OidcClient(keycloak.realmUrl(DigidSetup.REALM), CLIENT, null, app.callbackUrl());
    }

    private static void answerRepresentation(String choice) {
        onPage("govid-representation-form");
        driver.findElement(By.id(choice)).click();
        driver.findElement(By.id("govid-representation-continue")).click();
    }

    /** The simulator stands in for DigiD: its page is photographed, not checked by axe (it is not ours). */
    private static void atSimulator(String persona, String screenshotName) {
        waitFor(d -> !d.findElements(By.name("persona")).isEmpty());
        new Select(driver.findElement(By.name("persona"))).selectByValue(persona);
        screenshot(screenshotName, PHONE);
        screenshot(screenshotName, DESKTOP);
        driver.findElement(By.cssSelector("button[value=login]")).click();
    }

    /** The code the browser brought to the application, exchanged as the application would. */
    private static TokenResponse tokens(OidcClient oidc, AuthorizationRequest authorization) {
        waitFor(d -> location().startsWith(app.callbackUrl()));
        assertThat(driver.findElement(By.id("app-result")).getText()).isEqualTo("code received");
        String code = Urls.queryParams(java.net.URI.create(location())).get("code");
        return oidc.exchangeCode(code, authorization.codeVerifier());
    }

    /** What the application received, shown on its page for the screenshot. */
    private static void showClaims(JsonNode claims, String screenshotName) {
        ObjectNode shown = Json.object();
        for (String claim : new String[] {"acr", "digid", "represents", "mandate"}) {
            if (claims.has(claim)) {
                shown.set(claim, claims.get(claim));
            }
        }
        ((JavascriptExecutor) driver).executeScript("""
                const pre = document.createElement('pre');
                pre.id = 'app-claims';
                pre.style.whiteSpace = 'pre-wrap';
                pre.textContent = 'ID token (GovID claims):\\n' + arguments[0];
                document.querySelector('main').appendChild(pre);""", shown.toPrettyString());
        screenshot(screenshotName, PHONE);
        screenshot(screenshotName, DESKTOP);
    }

    private static String location() {
        return BrowserPages.location(driver);
    }

    private static void onPage(String elementId) {
        waitFor(d -> !d.findElements(By.id(elementId)).isEmpty());
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        BrowserPages.waitFor(driver, condition);
    }

    /** axe-core on our page, then screenshots at phone and desktop width. */
    private static void checkPage(String name) {
        assertThat(Axe.violations(driver))
                .as("axe-core WCAG 2.1 AA violations on %s", name)
                .isEmpty();
        screenshot(name, PHONE);
        screenshot(name, DESKTOP);
    }

    private static void screenshot(String name, int width) {
        BrowserPages.screenshot(driver, name, width);
    }
}
