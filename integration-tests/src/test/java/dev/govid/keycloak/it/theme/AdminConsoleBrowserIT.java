package dev.govid.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's stock admin console, in German, driven as an admin would: adding a BundID provider fills only the
 * fields that matter (plus Keycloak's Client ID/Secret, which no custom provider type can hide), and one
 * <em>GovID settings</em> form in a client scope shared by two applications sets their representation rule and
 * offered eIDs — which both applications then enforce. Screenshots under target/screenshots (committed copies in
 * docs/screenshots).
 */
class AdminConsoleBrowserIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final String PROVIDER = "bundid-console";
    private static final String SCOPE = "govid-console-ui";
    private static final String FIRST = "console-ui-1";
    private static final String SECOND = "console-ui-2";
    private static final String SECRET = "console-ui-secret";

    private static ChromeDriver driver;
    private static KeycloakServer keycloak;
    private static String scopeId;
    private static TestApp app;

    @BeforeAll
    static void start() {
        driver = HeadlessChromium.start();
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        app = TestApp.start();
        // The console speaks the admin's language only where the master realm has internationalisation on.
        keycloak.admin().updateRealm("master", Json.parse("""
                {"internationalizationEnabled":true,"supportedLocales":["en","de"],"defaultLocale":"en"}"""));
        if (keycloak.admin()
                .getJson("/" + REALM + "/identity-provider/instances")
                .findValuesAsText("alias")
                .contains(PROVIDER)) {
            keycloak.admin().deleteIdentityProvider(REALM, PROVIDER);
        }
        for (JsonNode scope : keycloak.admin().getJson("/" + REALM + "/client-scopes")) {
            if (SCOPE.equals(scope.path("name").asText())) {
                deleteClient(FIRST);
                deleteClient(SECOND);
                keycloak.admin()
                        .delete("/" + REALM + "/client-scopes/"
                                + scope.path("id").asText());
            }
        }
        String location = keycloak.admin()
                .postJson("/" + REALM + "/client-scopes", Json.parse("""
                {"name":"%s","protocol":"openid-connect","attributes":{"include.in.token.scope":"false"}}""".formatted(SCOPE)))
                .orElseThrow();
        scopeId = location.substring(location.lastIndexOf('/') + 1);
        for (String clientId : new String[] {FIRST, SECOND}) {
            deleteClient(clientId);
            keycloak.admin().createClient(REALM, Json.parse("""
                    {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                     "attributes":{"govid.sso.confirmation":"false"}}""".formatted(clientId, SECRET, app.origin())));
            keycloak.admin()
                    .putJson(
                            "/" + REALM + "/clients/" + id(clientId) + "/default-client-scopes/" + scopeId,
                            Json.object());
        }
        logIntoConsole();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.admin().updateRealm("master", Json.parse("{\"internationalizationEnabled\":false}"));
            // Other tests of this JVM see the demo realm's eID choices: leave only the shipped ones.
            if (keycloak.admin()
                    .getJson("/" + REALM + "/identity-provider/instances")
                    .findValuesAsText("alias")
                    .contains(PROVIDER)) {
                keycloak.admin().deleteIdentityProvider(REALM, PROVIDER);
            }
            deleteClient(FIRST);
            deleteClient(SECOND);
            keycloak.admin().delete("/" + REALM + "/client-scopes/" + scopeId);
        }
    }

    private static void logIntoConsole() {
        driver.get(keycloak.baseUrl() + "/admin/master/console/");
        waitFor(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(keycloak.adminUsername());
        driver.findElement(By.id("password")).sendKeys(keycloak.adminPassword());
        driver.findElement(By.id("kc-login")).click();
        waitForConsole();
    }

    /**
     * Loads the console afresh at a route. Changing only the URL fragment of a console that is still starting can
     * race with its own start-up (seen as an intermittent "resource not found" page), so the page is reloaded.
     */
    private static void openConsole(String route) {
        driver.get(keycloak.baseUrl() + "/admin/master/console/#/" + route);
        driver.navigate().refresh();
        waitForConsole();
    }

    /** The console has started when its navigation shows the current realm. */
    private static void waitForConsole() {
        waitFor(d ->
                !d.findElements(By.cssSelector("[data-testid=currentRealm]")).isEmpty());
    }

    @Test
    void addingABundIdProviderAsksOnlyWhatMattersInTheAdminsLanguage() {
        openConsole(REALM + "/identity-providers/govid-bundid/add");
        WebElement serviceId = input("OnlineServiceId (BMI-ID)");
        assertThat(bodyText())
                .contains("BundID-Umgebung", "Anzeigename der Behörde", "Pflichtattribute")
                .doesNotContain("govidIdp");
        replace(input("Alias"), PROVIDER);
        replace(input("Client-ID"), "unused");
        replace(input("Client-Secret"), "unused");
        choose("BundID-Umgebung", "custom");
        replace(input("Metadaten-URL des IdP"), SharedKeycloak.placeholders().get("GOVID_SIM_METADATA_URL"));
        replace(serviceId, "BMI-TEST-console");
        replace(input("Anzeigename der Behörde"), "Testbehörde Konsole");
        screenshot("admin-bundid-add-de");
        driver.findElement(By.cssSelector("[data-testid=createProvider]")).click();
        waitFor(d -> d.getCurrentUrl().contains("/identity-providers/govid-bundid/" + PROVIDER));

        JsonNode saved = keycloak.admin().getIdentityProvider(REALM, PROVIDER);
        assertThat(saved.path("providerId").asText()).isEqualTo("govid-bundid");
        assertThat(saved.path("config").path("bundidEnvironment").asText()).isEqualTo("custom");
        assertThat(saved.path("config").path("bundidOnlineServiceId").asText()).isEqualTo("BMI-TEST-console");
        assertThat(saved.path("config").path("bundidRequiredAttributes").asText())
                .as("defaults kept")
                .isEqualTo("givenName##surname");
    }

    @Test
    void oneSharedFormSetsRepresentationAndOfferedEidsForTwoApplications() {
        openConsole(REALM + "/client-scopes/" + scopeId + "/mappers/govid-client-settings/new");
        WebElement name = input("Name");
        assertThat(bodyText())
                .contains("Vertretung (Vollmachten)", "Angebotene eIDs", "Single Sign-on bestätigen")
                .doesNotContain("govidSetting");
        replace(name, "GovID settings");
        choose("Vertretung (Vollmachten)", "optional");
        replace(input("Akzeptierte Vollmachten"), "*");
        replace(input("Angebotene eIDs"), "idaustria");
        screenshot("admin-govid-settings-form-de");
        driver.findElement(By.xpath("//button[@type='submit' and normalize-space(.)='Speichern']"))
                .click();
        waitFor(d -> !keycloak.admin()
                .getJson("/" + REALM + "/client-scopes/" + scopeId + "/protocol-mappers/models")
                .isEmpty());

        JsonNode config = keycloak.admin()
                .getJson("/" + REALM + "/client-scopes/" + scopeId + "/protocol-mappers/models")
                .get(0)
                .path("config");
        assertThat(config.path("govid.representation").asText()).isEqualTo("optional");
        assertThat(config.path("govid.selection.eids").asText()).isEqualTo("idaustria");
        for (String clientId : new String[] {FIRST, SECOND}) {
            Page refused = startWithHint(clientId, "bundid");
            assertThat(refused.status()).as(clientId).isEqualTo(403);
            assertThat(refused.text()).contains("does not offer logging in with this eID");
            Page offered = startWithHint(clientId, "idaustria");
            assertThat(offered.status()).as(clientId).isEqualTo(200);
            assertThat(offered.document().select("#govid-representation-form"))
                    .as("%s asks for whom (optional representation)", clientId)
                    .isNotEmpty();
        }
        logInAtTheSecondApplicationWithTheOnlyOfferedEid();
    }

    /** In the browser: for whom, then a selection page offering ID Austria only, then the login reaches the application. */
    private static void logInAtTheSecondApplicationWithTheOnlyOfferedEid() {
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), SECOND, SECRET, app.callbackUrl());
        driver.get(client.newAuthorizationRequest("openid", Map.of()).url());
        waitFor(d -> !d.findElements(By.id("govid-representation-form")).isEmpty());
        driver.findElement(By.id("representation-self")).click();
        driver.findElement(By.id("govid-representation-continue")).click();
        waitFor(d -> !d.findElements(By.id("govid-eid-list")).isEmpty());
        assertThat(driver.findElements(By.id("govid-eid-idaustria"))).isNotEmpty();
        assertThat(driver.findElements(By.id("govid-eid-bundid")))
                .as("BundID is not offered")
                .isEmpty();
        screenshot("admin-govid-settings-enforced-selection-de");
        driver.findElement(By.id("social-idaustria")).click();
        waitFor(d -> !d.findElements(By.id("persona-anna")).isEmpty());
        driver.findElement(By.id("persona-anna")).click();
        driver.findElement(By.id("action-login")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(app.callbackUrl()));
        assertThat(driver.getCurrentUrl()).contains("code=").doesNotContain("error=");
    }

    private static Page startWithHint(String clientId, String alias) {
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), clientId, SECRET, app.callbackUrl());
        return new Browser()
                .acceptLanguage("en")
                .get(client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", alias))
                        .url());
    }

    /** The text field of the form group whose label contains this text. */
    private static WebElement input(String label) {
        By field = By.xpath(group(label) + "//input[not(@type='hidden') and not(@type='checkbox')]");
        waitFor(d -> !d.findElements(field).isEmpty());
        return driver.findElement(field);
    }

    /** Opens the drop-down of the form group with this label and picks the option. */
    private static void choose(String label, String option) {
        By toggle = By.xpath(group(label) + "//*[contains(@class,'form__group-control')]//button");
        waitFor(d -> !d.findElements(toggle).isEmpty());
        driver.findElement(toggle).click();
        By item = By.xpath("//*[(@role='option' or @role='menuitem') and normalize-space(.)='" + option + "']");
        waitFor(d -> !d.findElements(item).isEmpty());
        driver.findElement(item).click();
    }

    private static String group(String label) {
        return "(//label[contains(normalize-space(.), '" + label + "')])[1]"
                + "/ancestor::div[contains(@class,'form__group') and not(contains(@class,'form__group-'))][1]";
    }

    private static void replace(WebElement input, String value) {
        input.click();
        input.clear();
        input.sendKeys(value);
    }

    private static String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static void deleteClient(String clientId) {
        keycloak.admin().getJson("/" + REALM + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + REALM + "/clients/" + existing.path("id").asText()));
    }

    private static String id(String clientId) {
        return keycloak.admin()
                .getJson("/" + REALM + "/clients?clientId=" + clientId)
                .get(0)
                .path("id")
                .asText();
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            String text = bodyText();
            throw new AssertionError(
                    "waited in vain at " + driver.getCurrentUrl() + ": "
                            + text.substring(0, Math.min(800, text.length())),
                    e);
        }
    }

    /** The console scrolls inside its own panel: a tall window shows the whole form. */
    private static void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1280, 2400));
        try {
            ((JavascriptExecutor) driver).executeScript("return 1");
            Path dir = Path.of(System.getProperty("govid.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
