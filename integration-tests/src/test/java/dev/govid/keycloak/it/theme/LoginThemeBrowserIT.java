package dev.govid.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.RandomTokens;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The govid login theme in a real browser (Debian's headless chromium) against the real Keycloak and the
 * simulator: every flow completed with the keyboard alone, axe-core's WCAG 2.1/2.2 AA and best-practice rules and a
 * 200 % zoom reflow check on every page we render,
 * per-client branding, languages, the iframe allowed for the client's origin and refused otherwise, and
 * screenshots at phone and desktop widths (target/screenshots; the current ones are committed in docs/screenshots).
 */
class LoginThemeBrowserIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final int DESKTOP = 1280;
    private static final int PHONE = 360;

    private static KeycloakServer keycloak;
    private static ChromeDriver driver;
    private static TestApp app;
    private static Keyboard keyboard;
    /** Offers representation, may be embedded by the test app's origin, default branding. */
    private static String embeddable;
    /** Own title, colours and eID order; may not be embedded. */
    private static String branded;
    /** Accepts mandates of legal persons only. */
    private static String legalMandatesOnly;

    @BeforeAll
    static void start() {
        driver = HeadlessChromium.start();
        keyboard = new Keyboard(driver);
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        app = TestApp.start();
        embeddable = client(
                "theme-embeddable",
                Json.object()
                        .put("govid.frameAncestors", app.origin())
                        .put("govid.representation", "optional")
                        .put("govid.mandate.profiles", "GeneralvollmachtBilateral##Vertretungsbefugnis")
                        .put("govid.mandate.mandators", "natural##legal"),
                "Bürgerportal Musterstadt");
        branded = client(
                "theme-branded",
                Json.object()
                        .put("govid.representation", "off")
                        .put("govid.theme.title", "Stadtwerke Musterstadt")
                        .put("govid.theme.primaryColor", "#5a2d82")
                        .put("govid.theme.headerColor", "#5a2d82")
                        .put("govid.selection.eids", "idaustria##bundid")
                        .put(
                                "govid.theme.text.govidSelectionIntro.de",
                                "Melden Sie sich beim Kundenportal der Stadtwerke an."),
                "Kundenportal");
        legalMandatesOnly = client(
                "theme-legal-mandates",
                Json.object()
                        .put("govid.representation", "optional")
                        .put("govid.mandate.profiles", "*")
                        .put("govid.mandate.mandators", "legal")
                        .put("govid.selection.eids", "idaustria"),
                "Firmenbuch-Service");
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

    private static String client(String clientId, ObjectNode attributes, String name) {
        keycloak.admin().createClient(REALM, clientRepresentation(clientId, attributes, name));
        return clientId;
    }

    /**
     * Stores a client without GovID's save-time checks (Keycloak's partial import skips client validation): how
     * values that would be refused today can still be in a database, which the pages must then ignore.
     */
    private static String clientWithoutChecks(String clientId, ObjectNode attributes, String name) {
        ObjectNode body = Json.object();
        body.put("ifResourceExists", "OVERWRITE");
        body.putArray("clients").add(clientRepresentation(clientId, attributes, name));
        keycloak.admin().postJson("/" + REALM + "/partialImport", body);
        return clientId;
    }

    private static ObjectNode clientRepresentation(String clientId, ObjectNode attributes, String name) {
        keycloak.admin().getJson("/" + REALM + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + REALM + "/clients/" + existing.path("id").asText()));
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","name":"%s","publicClient":true,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "webOrigins":["+"]}
                """.formatted(clientId, name, app.origin()));
        client.set("attributes", attributes);
        return client;
    }

    private static String authUrl(String clientId, Map<String, String> extra) {
        return OidcClient.authorizationUrl(
                keycloak.realmUrl(REALM),
                clientId,
                app.callbackUrl(),
                "openid",
                RandomTokens.urlSafe(12),
                RandomTokens.urlSafe(12),
                null,
                extra);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Complete flows, keyboard only

    @Test
    void bundIdLoginWithTheKeyboardAlone() {
        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-representation-form");
        checkPage("representation");
        keyboard.chooseRadio("representation", "representation-self")
                .assertFocusVisible()
                .tabTo("govid-representation-continue")
                .assertFocusVisible()
                .press(Keys.ENTER);

        onPage("govid-eid-list");
        checkPage("eid-selection");
        assertThat(driver.findElement(By.id("govid-eid-bundid-needs")).getText())
                .contains("Personalausweis");
        assertThat(driver.findElement(By.id("govid-eid-bundid-level")).getText())
                .contains("hoch");
        keyboard.tabTo("social-bundid").assertFocusVisible().press(Keys.ENTER);

        bundIdSimulatorLogin("erika");
        assertCodeReceived();
    }

    @Test
    void idAustriaLoginOnBehalfOfSomeoneWithTheKeyboardAlone() {
        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-representation-form");
        keyboard.chooseRadio("representation", "representation-on-behalf")
                .assertFocusVisible()
                .tabTo("govid-representation-continue")
                .press(Keys.ENTER);
        onPage("govid-eid-list");
        keyboard.tabTo("social-idaustria").assertFocusVisible().press(Keys.ENTER);

        waitFor(d -> !d.findElements(By.id("persona-anna-for-karl")).isEmpty());
        keyboard.chooseRadio("persona", "persona-anna-for-karl")
                .tabTo("action-login")
                .press(Keys.ENTER);
        assertCodeReceived();
    }

    @Test
    void ssoConfirmationNamesThePersonAndTheApplicationAndContinuesByKeyboard() {
        loginWithBundId(branded, "erika");

        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-sso-form");
        checkPage("sso-confirmation");
        assertThat(driver.findElement(By.id("govid-sso-user")).getText()).isEqualTo("Erika Mustermann");
        assertThat(driver.findElement(By.id("govid-sso-question")).getText()).contains("Bürgerportal Musterstadt");
        keyboard.tabTo("govid-sso-continue").assertFocusVisible().press(Keys.ENTER);
        assertCodeReceived();

        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-sso-form");
        keyboard.tabTo("govid-sso-cancel").press(Keys.ENTER);
        waitFor(d -> location().startsWith(app.callbackUrl()));
        assertThat(location()).contains("error=access_denied").contains("error_description=");
    }

    @Test
    void aCancelledEidLoginEndsOnTheSelectionPageWithAnAnnouncedMessageAndARetry() {
        driver.get(authUrl(branded, Map.of()));
        onPage("govid-eid-list");
        keyboard.tabTo("social-bundid").press(Keys.ENTER);
        waitFor(d -> !d.findElements(By.id("action-cancel")).isEmpty());
        keyboard.tabTo("action-cancel").press(Keys.ENTER);

        onPage("govid-message");
        assertThat(driver.findElement(By.id("govid-message")).getAttribute("role"))
                .isEqualTo("alert");
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("abgebrochen");
        checkPage("error-cancelled");
        keyboard.tabTo("social-bundid").press(Keys.ENTER);
        bundIdSimulatorLogin("erika");
        assertCodeReceived();
    }

    @Test
    void aRefusedMandateAndATestIdentityEndOnTheSelectionPageWithTheirMessages() {
        driver.get(authUrl(legalMandatesOnly, Map.of()));
        onPage("govid-representation-form");
        keyboard.chooseRadio("representation", "representation-on-behalf")
                .tabTo("govid-representation-continue")
                .press(Keys.ENTER);
        onPage("govid-eid-list");
        keyboard.tabTo("social-idaustria").press(Keys.ENTER);
        waitFor(d -> !d.findElements(By.id("persona-anna-for-karl")).isEmpty());
        keyboard.chooseRadio("persona", "persona-anna-for-karl")
                .tabTo("action-login")
                .press(Keys.ENTER);
        onPage("govid-message");
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("MOA-ID 1108");
        checkPage("error-mandate-refused");

        keyboard.tabTo("social-idaustria").press(Keys.ENTER);
        waitFor(d -> !d.findElements(By.id("persona-test-identity")).isEmpty());
        keyboard.chooseRadio("persona", "persona-test-identity")
                .tabTo("action-login")
                .press(Keys.ENTER);
        waitFor(d -> d.findElements(By.id("govid-message")).stream()
                .anyMatch(e -> e.getText().contains("Testidentität")));
        checkPage("error-test-identity");
    }

    @Test
    void silentSsoCannotSkipTheConfirmation() {
        loginWithBundId(branded, "erika");
        driver.get(authUrl(embeddable, Map.of("prompt", "none")));
        waitFor(d -> location().startsWith(app.callbackUrl()));
        assertThat(location()).contains("error=login_required");
    }

    @Test
    void saml1ErrorPageIsAccessible() {
        driver.get(keycloak.realmUrl(REALM) + "/protocol/govid-moa-saml1/StartAuthentication?Target=BF");
        waitFor(d -> d.getPageSource().contains("1002"));
        assertThat(driver.findElement(By.id("kc-page-title")).getText()).isNotBlank();
        checkPage("error-saml1");
    }

    /** Guards the guard: on a page that breaks the rules, axe as injected here does report them. */
    @Test
    void axeAsInjectedReportsKnownViolations() {
        driver.get("data:text/html;charset=utf-8,<!DOCTYPE html><html><head><title>bad</title></head><body>"
                + "<p style='color:%23767676;background:%23888888'>low contrast</p><img src='x.png'>"
                + "<a href='/x' style='color:%23004b76;background:%23004b76'>invisible</a></body></html>");
        assertThat(Axe.violations(driver))
                .anyMatch(v -> v.startsWith("color-contrast"))
                .anyMatch(v -> v.startsWith("image-alt"))
                .anyMatch(v -> v.startsWith("html-has-lang"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Keycloak's own pages in the GovID layout, refusals with a way on, messages across a language switch

    @Test
    void logoutConfirmationIsInTheLayoutAndTheSkipLinkIsTheFirstTabStop() {
        loginWithBundId(branded, "erika");
        driver.get(keycloak.realmUrl(REALM) + "/protocol/openid-connect/logout");
        onPage("kc-logout");
        checkPage("logout-confirm");
        assertThat(driver.findElement(By.id("kc-logout")).getAttribute("tabindex"))
                .isNull();
        assertThat(driver.findElement(By.id("kc-logout")).getAttribute("class")).contains("govid-button--primary");
        keyboard.press(Keys.TAB);
        assertThat(activeClass()).as("first Tab stop").contains("govid-skip");
        keyboard.tabTo("kc-logout").assertFocusVisible().press(Keys.ENTER);
        waitFor(d -> !d.findElements(By.id("kc-page-title")).isEmpty()
                && d.findElements(By.id("kc-logout")).isEmpty());
        checkPage("logged-out");
    }

    @Test
    void anExpiredPageOffersToStartAgainOrToContinue() {
        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-representation-form");
        String staleAction =
                driver.findElement(By.id("govid-representation-form")).getAttribute("action");
        keyboard.chooseRadio("representation", "representation-self")
                .tabTo("govid-representation-continue")
                .press(Keys.ENTER);
        onPage("govid-eid-list");

        driver.get(staleAction);
        onPage("loginRestartLink");
        assertThat(driver.findElement(By.id("instruction1")).getText()).doesNotContain(" .");
        checkPage("page-expired");
        driver.manage().window().setSize(new Dimension(320, 800));
        assertNoHorizontalScroll();
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        keyboard.tabTo("loginRestartLink").assertFocusVisible().press(Keys.ENTER);
        onPage("govid-representation-form");
    }

    @Test
    void accountAlreadyExistsIsInTheLayoutAndFitsAPhoneInGerman() {
        String email = "erika.mustermann@example.org";
        removeUsers("email=" + email);
        String local = keycloak.admin()
                .postJson("/" + REALM + "/users", Json.parse("""
                {"username":"erika-local","email":"%s","firstName":"Erika","lastName":"Mustermann","enabled":true}
                """.formatted(email)))
                .orElseThrow();
        try {
            driver.get(authUrl(branded, Map.of("kc_idp_hint", "bundid")));
            bundIdSimulatorLogin("erika");
            onPage("linkAccount");
            assertThat(driver.findElement(By.id("linkAccount")).getAttribute("class"))
                    .contains("govid-button");
            checkPage("account-exists");
            driver.manage().window().setSize(new Dimension(320, 800));
            assertNoHorizontalScroll();
            assertThat(Axe.violations(driver)).as("axe at 320 px").isEmpty();
            driver.manage().window().setSize(new Dimension(DESKTOP, 900));
            keyboard.tabTo("linkAccount").assertFocusVisible();
        } finally {
            removeUsers("email=" + email);
            keycloak.admin()
                    .getJson("/" + REALM + "/users?username=erika-local&exact=true")
                    .forEach(u -> keycloak.admin()
                            .delete("/" + REALM + "/users/" + u.path("id").asText()));
        }
    }

    @Test
    void reviewProfileHidesTheBrokeredUsernameAndCompletesByKeyboard() {
        removeUsers("search=" + java.net.URLEncoder.encode("de Vries", java.nio.charset.StandardCharsets.UTF_8));
        driver.get(authUrl(branded, Map.of("kc_idp_hint", "bundid")));
        bundIdSimulatorLogin("jan");
        onPage("kc-idp-review-profile-form");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).startsWith("bundid-");
        assertThat(driver.findElement(By.id("username")).isDisplayed())
                .as("the hashed username is not shown")
                .isFalse();
        checkPage("review-profile");
        driver.manage().window().setSize(new Dimension(320, 800));
        assertNoHorizontalScroll();
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        keyboard.tabTo("email").assertFocusVisible();
        keyboard.press("jan.de.vries@example.org").press(Keys.ENTER);
        assertCodeReceived();
    }

    @Test
    void aRefusalMessageSurvivesALanguageSwitch() {
        driver.get(authUrl(branded, Map.of()));
        onPage("govid-eid-list");
        keyboard.tabTo("social-bundid").press(Keys.ENTER);
        waitFor(d -> !d.findElements(By.id("action-cancel")).isEmpty());
        keyboard.tabTo("action-cancel").press(Keys.ENTER);
        onPage("govid-message");
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("abgebrochen");

        String languageLink = driver.findElement(By.id("govid-lang-nl")).getAttribute("href");
        keyboard.tabTo("govid-lang-nl").press(Keys.ENTER);
        waitFor(d -> "nl".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElements(By.id("govid-message")))
                .as(
                        "message after the switch via %s, now at %s: %s",
                        languageLink,
                        location(),
                        driver.findElement(By.tagName("body")).getText())
                .isNotEmpty();
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("afgebroken");
        assertThat(driver.findElement(By.id("govid-message")).getAttribute("role"))
                .isEqualTo("alert");
        checkPage("error-cancelled-nl");
        keyboard.tabTo("govid-lang-en").press(Keys.ENTER);
        waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("You cancelled");
        keyboard.tabTo("social-bundid").press(Keys.ENTER);
        bundIdSimulatorLogin("erika");
        assertCodeReceived();
    }

    /** The SSO step's reason (govidSso*) on the next page, in the layout, in every language, kept across a switch. */
    @Test
    void whyASingleSignOnDoesNotFitShowsOnTheNextPageAndSurvivesALanguageSwitch() {
        loginWithBundId(branded, "erika");
        driver.get(authUrl(legalMandatesOnly, Map.of()));
        onPage("govid-representation-form");
        assertThat(driver.findElement(By.id("govid-message")).getAttribute("role"))
                .isEqualTo("status");
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("nicht akzeptiert", "beendet");
        checkPage("sso-eid-not-offered");
        keyboard.tabTo("govid-lang-nl").press(Keys.ENTER);
        waitFor(d -> "nl".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("niet accepteert", "eID's.");
        keyboard.tabTo("govid-lang-en").press(Keys.ENTER);
        waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("govid-message")).getText()).contains("does not accept");
        keyboard.chooseRadio("representation", "representation-self")
                .tabTo("govid-representation-continue")
                .press(Keys.ENTER);
        onPage("govid-eid-list");
    }

    @Test
    void anEidTheApplicationDoesNotOfferEndsOnAPageThatStartsAgain() {
        driver.get(authUrl(legalMandatesOnly, Map.of("kc_idp_hint", "bundid")));
        onPage("kc-error-message");
        checkPage("error-eid-not-offered");
        keyboard.tabTo("govid-start-again").assertFocusVisible().press(Keys.ENTER);
        onPage("govid-representation-form");
    }

    @Test
    void aTamperedResponseEndsOnAPageWithAWayOn() {
        for (String fault : List.of("tampered-signature", "xxe")) {
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.get(authUrl(branded, Map.of("kc_idp_hint", "bundid")));
            waitFor(d -> !d.findElements(By.id("fault")).isEmpty());
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("fault"))).selectByValue(fault);
            bundIdSimulatorLogin("erika");
            onPage("kc-error-message");
            checkPage("error-" + fault);
            assertThat(driver.findElements(By.id("govid-start-again")).size()
                            + driver.findElements(By.id("backToApplication")).size()
                            + driver.findElements(By.id("govid-error-no-way")).size())
                    .as("a way on after %s", fault)
                    .isPositive();
            if (!driver.findElements(By.id("govid-start-again")).isEmpty()) {
                keyboard.tabTo("govid-start-again").press(Keys.ENTER);
                waitFor(d -> !d.findElements(By.id("persona-erika")).isEmpty()
                        || !d.findElements(By.id("govid-eid-list")).isEmpty());
            }
        }
    }

    @Test
    void onBehalfWithoutAMandateWhereThatIsOptionalSaysSoAndOffersForYourself() {
        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-representation-form");
        keyboard.chooseRadio("representation", "representation-on-behalf")
                .tabTo("govid-representation-continue")
                .press(Keys.ENTER);
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.id("govid-selection-on-behalf")).getText())
                .contains("in Vertretung");
        assertThat(driver.findElement(By.id("govid-eid-bundid-no-mandates")).getText())
                .contains("nur für sich selbst");
        assertThat(driver.findElements(By.id("govid-eid-idaustria-no-mandates")))
                .isEmpty();
        checkPage("eid-selection-on-behalf");

        keyboard.tabTo("social-idaustria").press(Keys.ENTER);
        waitFor(d -> !d.findElements(By.id("persona-anna")).isEmpty());
        keyboard.chooseRadio("persona", "persona-anna").tabTo("action-login").press(Keys.ENTER);
        onPage("govid-message");
        assertThat(driver.findElement(By.id("govid-message")).getText())
                .contains("1108", "auch für sich selbst")
                .doesNotContain("nur in Vertretung");
        checkPage("error-no-mandate-chosen");
        keyboard.tabTo("govid-selection-for-yourself").assertFocusVisible().press(Keys.ENTER);
        onPage("govid-representation-form");
    }

    /** Keycloak's info page (here: "You are logged out"): layout, languages, keyboard, 320 px; a way back to the application. */
    @Test
    void theInfoPageIsInTheLayoutInEveryLanguage() {
        loginWithBundId(branded, "erika");
        driver.get(keycloak.realmUrl(REALM) + "/protocol/openid-connect/logout");
        onPage("kc-logout");
        keyboard.tabTo("kc-logout").press(Keys.ENTER);
        onPage("kc-info-message");
        checkPage("info");
        String title = driver.findElement(By.id("kc-page-title")).getText();
        assertThat(title).isNotBlank();
        assertThat(driver.findElement(By.id("kc-info-message")).getText())
                .as("the heading is not repeated")
                .doesNotContain(title);
        keyboard.press(Keys.TAB);
        assertThat(activeClass()).as("first Tab stop").contains("govid-skip");
        keyboard.tabTo("govid-lang-nl").assertFocusVisible();
        assertLanguagesAndPhoneWidth("kc-info-message");

        String home = client("theme-home", Json.object().put("govid.representation", "off"), "Startseite");
        String homeId = keycloak.admin()
                .getJson("/" + REALM + "/clients?clientId=" + home)
                .get(0)
                .path("id")
                .asText();
        ObjectNode homeClient = (ObjectNode) keycloak.admin().getJson("/" + REALM + "/clients/" + homeId);
        keycloak.admin().putJson("/" + REALM + "/clients/" + homeId, homeClient.put("baseUrl", app.callbackUrl()));
        loginWithBundId(home, "erika");
        driver.get(keycloak.realmUrl(REALM) + "/protocol/openid-connect/logout?client_id=" + home);
        onPage("kc-logout");
        keyboard.tabTo("kc-logout").press(Keys.ENTER);
        onPage("backToApplication");
        assertThat(driver.findElement(By.id("backToApplication")).getAttribute("class"))
                .contains("govid-button--primary");
        checkPage("info-back-to-application");
        keyboard.tabTo("backToApplication").assertFocusVisible().press(Keys.ENTER);
        waitFor(d -> location().startsWith(app.callbackUrl()));
    }

    /** The terms page a realm may enable as a required action: layout, languages, keyboard, 320 px, 200 %. */
    @Test
    void termsAsARequiredActionAreInTheLayoutAndAcceptedByKeyboard() {
        loginWithBundId(branded, "erika");
        String userId = bundIdUser("Erika");
        String path = "/" + REALM + "/authentication/required-actions/TERMS_AND_CONDITIONS";
        ObjectNode terms = (ObjectNode) keycloak.admin().getJson(path);
        boolean enabledBefore = terms.path("enabled").asBoolean();
        try {
            keycloak.admin().putJson(path, terms.deepCopy().put("enabled", true));
            keycloak.admin()
                    .putJson(
                            "/" + REALM + "/users/" + userId,
                            Json.parse("{\"requiredActions\":[\"TERMS_AND_CONDITIONS\"]}"));
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.get(authUrl(branded, Map.of("kc_idp_hint", "bundid")));
            bundIdSimulatorLogin("erika");
            onPage("kc-accept");
            assertThat(driver.findElement(By.id("kc-accept")).getAttribute("class"))
                    .contains("govid-button--primary");
            assertThat(driver.findElement(By.id("kc-decline")).getAttribute("class"))
                    .contains("govid-button--secondary");
            checkPage("terms");
            assertLanguagesAndPhoneWidth("kc-accept");
            keyboard.tabTo("kc-accept").assertFocusVisible().press(Keys.ENTER);
            assertCodeReceived();
        } finally {
            keycloak.admin().putJson("/" + REALM + "/users/" + userId, Json.parse("{\"requiredActions\":[]}"));
            keycloak.admin().putJson(path, terms.put("enabled", enabledBefore));
        }
    }

    /** Update profile as a required action on an eID user: no hashed username, layout, languages, keyboard, 320 px. */
    @Test
    void updateProfileAsARequiredActionHidesTheUsernameAndCompletesByKeyboard() {
        loginWithBundId(branded, "erika");
        String userId = bundIdUser("Erika");
        keycloak.admin()
                .putJson("/" + REALM + "/users/" + userId, Json.parse("{\"requiredActions\":[\"UPDATE_PROFILE\"]}"));
        try {
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.get(authUrl(branded, Map.of("kc_idp_hint", "bundid")));
            bundIdSimulatorLogin("erika");
            onPage("kc-update-profile-form");
            if (!driver.findElements(By.id("username")).isEmpty()) {
                assertThat(driver.findElement(By.id("username")).isDisplayed())
                        .as("the hashed username is not shown")
                        .isFalse();
            }
            checkPage("update-profile");
            assertLanguagesAndPhoneWidth("kc-update-profile-form");
            keyboard.tabTo("firstName").assertFocusVisible().press(Keys.ENTER);
            assertCodeReceived();
        } finally {
            keycloak.admin().putJson("/" + REALM + "/users/" + userId, Json.parse("{\"requiredActions\":[]}"));
        }
    }

    /**
     * The other two languages, then back to the first (a known person may start in their stored language, see
     * docs/theme.md), on the current page (the element stays), axe in each; then 320 px without sideways scrolling.
     */
    private static void assertLanguagesAndPhoneWidth(String elementId) {
        String first = driver.findElement(By.tagName("html")).getAttribute("lang");
        assertThat(first).isIn("de", "en", "nl");
        String firstTitle = driver.findElement(By.id("kc-page-title")).getText();
        List<String> languages = new java.util.ArrayList<>(List.of("de", "en", "nl"));
        languages.remove(first);
        languages.add(first);
        for (String language : languages) {
            keyboard.tabTo("govid-lang-" + language).press(Keys.ENTER);
            waitFor(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            onPage(elementId);
            assertThat(driver.findElement(By.id("kc-page-title")).getText())
                    .as("title in %s", language)
                    .isNotBlank();
            if (!language.equals(first)) {
                assertThat(driver.findElement(By.id("kc-page-title")).getText())
                        .as("title in %s", language)
                        .isNotEqualTo(firstTitle);
            }
            assertThat(Axe.violations(driver)).as("axe in %s", language).isEmpty();
        }
        driver.manage().window().setSize(new Dimension(320, 800));
        assertNoHorizontalScroll();
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
    }

    private static String bundIdUser(String firstName) {
        for (var user :
                keycloak.admin().getJson("/" + REALM + "/users?idpAlias=bundid&briefRepresentation=true&max=500")) {
            if (firstName.equals(user.path("firstName").asText())) {
                return user.path("id").asText();
            }
        }
        throw new AssertionError("no BundID user " + firstName);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Per-client branding, languages, layout

    @Test
    void clientBrandingSetsTitleColoursTextsAndTheOrderOfEids() {
        driver.get(authUrl(branded, Map.of()));
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.id("govid-site-title")).getText()).isEqualTo("Stadtwerke Musterstadt");
        assertThat(driver.getTitle()).contains("Stadtwerke Musterstadt");
        assertThat(driver.findElement(By.id("govid-selection-intro")).getText())
                .isEqualTo("Melden Sie sich beim Kundenportal der Stadtwerke an.");
        assertThat(driver.findElements(By.cssSelector("#govid-eid-list > li")))
                .extracting(e -> e.getAttribute("id"))
                .containsExactly("govid-eid-idaustria", "govid-eid-bundid");
        String headerColour = String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return getComputedStyle(document.querySelector('.govid-header')).backgroundColor"));
        assertThat(headerColour).isEqualTo("rgb(90, 45, 130)");
        checkPage("eid-selection-branded");
    }

    /** Branding comes from admins, but a wrong or hostile value must not become markup, style or script. */
    @Test
    void hostileOrOversizedBrandingIsShownAsTextOrIgnored() {
        String title = "<script>window.__pwned=1</script>" + "Sehr langer Titel ".repeat(300);
        ObjectNode hostileBranding = Json.object()
                .put("govid.representation", "off")
                .put("govid.theme.title", title)
                .put("govid.theme.primaryColor", "red;}</style><script>window.__pwned=2</script><style>")
                .put("govid.theme.headerColor", "#12345")
                .put("govid.theme.logo", "javascript:window.__pwned=3")
                .put("govid.theme.helpUrl", "javascript:window.__pwned=4")
                .put("govid.selection.eids", "bundid##<img src=x onerror=window.__pwned=5>")
                .put("govid.theme.text.govidSelectionIntro", "<b onmouseover=window.__pwned=6>fett</b>");
        assertThatThrownBy(() -> client("theme-hostile", hostileBranding, "Hostile"))
                .as("refused when saved")
                .isInstanceOfSatisfying(AdminApiException.class, e -> assertThat(e.body())
                        .contains(
                                "govid.theme.title",
                                "govid.theme.primaryColor",
                                "govid.theme.headerColor",
                                "govid.theme.logo",
                                "govid.theme.helpUrl",
                                "govid.selection.eids"));
        // Stored anyway: page-only values are ignored on the page. A broken eID list would stop the login (it is a
        // rule, see below), so the page test uses a valid one.
        String hostile = clientWithoutChecks(
                "theme-hostile", hostileBranding.deepCopy().put("govid.selection.eids", "bundid"), "Hostile");
        driver.get(authUrl(hostile, Map.of()));
        onPage("govid-eid-list");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
        assertThat(driver.findElement(By.id("govid-site-title")).getText())
                .startsWith("<script>window.__pwned=1</script>Sehr langer Titel");
        assertThat(driver.findElements(By.id("govid-client-logo"))).isEmpty();
        assertThat(driver.findElements(By.id("govid-help-link"))).isEmpty();
        assertThat(driver.findElement(By.id("govid-selection-intro")).getText())
                .isEqualTo("<b onmouseover=window.__pwned=6>fett</b>");
        assertThat(driver.findElements(By.cssSelector("#govid-eid-list > li"))).hasSize(1);
        assertThat(driver.getPageSource())
                .doesNotContain("--govid-primary:red")
                .doesNotContain("--govid-header-bg:#12345");
        driver.manage().window().setSize(new Dimension(320, 800));
        assertNoHorizontalScroll();
        assertThat(Axe.violations(driver)).isEmpty();

        String hostileRule = clientWithoutChecks(
                "theme-hostile-eids",
                Json.object().put("govid.selection.eids", "bundid##<img src=x onerror=window.__pwned=5>"),
                "Hostile eIDs");
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        driver.get(authUrl(hostileRule, Map.of()));
        waitFor(d -> d.getPageSource().contains("nicht richtig eingerichtet"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
        assertThat(Axe.violations(driver)).isEmpty();
    }

    @Test
    void languageFollowsTheBrowserAndTheSwitcher() throws Exception {
        driver.get(authUrl(branded, Map.of()));
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Wie möchten Sie sich anmelden?");

        keyboard.tabTo("govid-lang-nl").press(Keys.ENTER);
        waitFor(d -> "nl".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Hoe wilt u inloggen?");
        checkPage("eid-selection-nl");
        keyboard.tabTo("govid-lang-en").press(Keys.ENTER);
        waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("How do you want to sign in?");

        for (Map.Entry<String, String> language : Map.of(
                        "nl-NL,nl;q=0.9", "Hoe wilt u inloggen?", "en-GB,en;q=0.8", "How do you want to sign in?")
                .entrySet()) {
            HttpResponse<String> page = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(authUrl(branded, Map.of())))
                                    .header("Accept-Language", language.getKey())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).as("Accept-Language %s", language.getKey()).contains(language.getValue());
        }
    }

    /** Keycloak's order (docs/theme.md): this login's switch, the user's locale, ui_locales, the cookie, Accept-Language. */
    @Test
    void theLanguageFollowsUiLocalesThenTheCookieThenTheBrowser() {
        driver.get(authUrl(branded, Map.of("ui_locales", "nl")));
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                .as("ui_locales over Accept-Language")
                .isEqualTo("nl");

        driver.get(authUrl(branded, Map.of()));
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                .as("browser language (de)")
                .isEqualTo("de");
        keyboard.tabTo("govid-lang-en").press(Keys.ENTER);
        waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));

        driver.get(authUrl(branded, Map.of()));
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                .as("the switcher's cookie over Accept-Language")
                .isEqualTo("en");
        driver.get(authUrl(branded, Map.of("ui_locales", "nl")));
        onPage("govid-eid-list");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                .as("ui_locales over the cookie")
                .isEqualTo("nl");
    }

    @Test
    void pagesFitAPhoneOf320PixelsWithoutSidewaysScrolling() {
        driver.manage().window().setSize(new Dimension(320, 800));
        driver.get(authUrl(embeddable, Map.of()));
        onPage("govid-representation-form");
        assertNoHorizontalScroll();
        keyboard.tabTo("govid-representation-continue").press(Keys.ENTER);
        onPage("govid-eid-list");
        assertNoHorizontalScroll();
        assertThat(Axe.violations(driver)).as("axe at 320 px").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Embedding

    @Test
    void anAllowedOriginEmbedsTheWholeLoginInAnIframe() {
        driver.get(app.embedUrl(authUrl(embeddable, Map.of())));
        driver.switchTo().frame("login-frame");
        try {
            onPage("govid-representation-form");
            checkPage("embedded-representation");
            keyboard.tabTo("govid-representation-continue").press(Keys.ENTER);
            onPage("govid-eid-list");
            screenshot("embedded-selection", DESKTOP);
            keyboard.tabTo("social-bundid").press(Keys.ENTER);
            bundIdSimulatorLogin("erika");
            assertCodeReceived();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void otherOriginsAndOtherClientsAreRefusedByTheBrowser() throws Exception {
        driver.get(app.embedUrl(authUrl(branded, Map.of())));
        driver.switchTo().frame("login-frame");
        try {
            Thread.sleep(1500); // a refused frame never loads, so there is nothing to wait for
            assertThat(driver.findElements(By.id("kc-page-title")))
                    .as("branded client's page must not render in a frame")
                    .isEmpty();
        } finally {
            driver.switchTo().defaultContent();
        }

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> allowed = http.send(
                HttpRequest.newBuilder(URI.create(authUrl(embeddable, Map.of())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'self' " + app.origin());
        assertThat(allowed.headers().firstValue("X-Frame-Options")).isEmpty();
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create(authUrl(branded, Map.of()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'self';");
        assertThat(refused.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void removeUsers(String query) {
        keycloak.admin().getJson("/" + REALM + "/users?" + query).forEach(u -> keycloak.admin()
                .delete("/" + REALM + "/users/" + u.path("id").asText()));
    }

    private static String activeClass() {
        return String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return document.activeElement ? document.activeElement.className : ''"));
    }

    private static void loginWithBundId(String clientId, String persona) {
        driver.get(authUrl(clientId, Map.of("kc_idp_hint", "bundid")));
        bundIdSimulatorLogin(persona);
        assertCodeReceived();
    }

    /** The simulator is BundID's stand-in, not our page: it is operated by keyboard too, but not checked by axe. */
    private static void bundIdSimulatorLogin(String persona) {
        waitFor(d -> !d.findElements(By.id("persona-" + persona)).isEmpty());
        keyboard.chooseRadio("persona", "persona-" + persona)
                .tabTo("action-login")
                .press(Keys.ENTER);
    }

    private static void assertCodeReceived() {
        waitFor(d -> location().startsWith(app.callbackUrl()));
        assertThat(location()).contains("code=");
        assertThat(driver.findElement(By.id("app-result")).getText()).isEqualTo("code received");
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

    /** axe-core on the page, then screenshots at phone and desktop width. */
    private static void checkPage(String name) {
        List<String> violations = Axe.violations(driver);
        System.out.println("[axe " + name + "] needs review: " + Axe.lastIncomplete(driver));
        assertThat(violations)
                .as("axe-core WCAG 2.1 AA violations on %s (%s)", name, driver.getCurrentUrl())
                .isEmpty();
        assertReflowsAtZoom200(name);
        screenshot(name, PHONE);
        screenshot(name, DESKTOP);
    }

    /**
     * 200 % zoom of a 1280 × 900 window: what Chrome's zoom does, a 640 × 450 CSS-pixel viewport at device scale
     * factor 2. No sideways scrolling, and every link, button and field lies within the page's width, so it can be
     * reached by scrolling down alone.
     */
    private static void assertReflowsAtZoom200(String name) {
        if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window !== window.top"))) {
            return; // inside the embedding page's iframe the frame, not the viewport, sets the width
        }
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", DESKTOP / 2, "height", 450, "deviceScaleFactor", 2, "mobile", false));
        try {
            Object zoom = ((JavascriptExecutor) driver)
                    .executeScript("return window.devicePixelRatio + ' ' + window.innerWidth");
            assertThat(String.valueOf(zoom))
                    .as("200 %% zoom emulated on %s", name)
                    .isEqualTo("2 640");
            assertNoHorizontalScroll();
            Object outside = ((JavascriptExecutor) driver).executeScript("""
                    const width = document.documentElement.clientWidth + 1;
                    // the skip link waits off-screen until it has the focus (then it is the first Tab stop)
                    return [...document.querySelectorAll('a[href]:not(.govid-skip), button, input:not([type=hidden]), select, textarea')]
                        .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
                        .filter(e => { const r = e.getBoundingClientRect(); return r.left < -1 || r.right > width; })
                        .map(e => e.tagName + '#' + e.id).join(', ');""");
            assertThat(String.valueOf(outside))
                    .as("controls outside the width at 200 %% on %s", name)
                    .isEmpty();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void assertNoHorizontalScroll() {
        Object overflow = ((JavascriptExecutor) driver).executeScript("""
                const limit = document.documentElement.clientWidth + 1;
                const wide = [...document.querySelectorAll('body, body *')].filter(e => e.getBoundingClientRect().right > limit
                        || e.getBoundingClientRect().left + e.scrollWidth > limit);
                if (wide.length) console.warn('too wide: ' + wide.map(e => e.tagName + '#' + e.id + '.' + e.className).join(', '));
                window.__govidTooWide = document.documentElement.clientWidth + ' ' + window.innerWidth + ' ' + wide.map(e => e.tagName + '#' + e.id + '.' + e.className
                        + '[' + Math.round(e.getBoundingClientRect().left) + '+' + e.scrollWidth + ']').join(', ');
                return document.documentElement.scrollWidth - document.documentElement.clientWidth;""");
        Object tooWide = ((JavascriptExecutor) driver).executeScript("return window.__govidTooWide");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px at %s (too wide: %s)", driver.getCurrentUrl(), tooWide)
                .isLessThanOrEqualTo(0);
    }

    private static void screenshot(String name, int width) {
        BrowserPages.screenshot(driver, name, width);
    }
}
