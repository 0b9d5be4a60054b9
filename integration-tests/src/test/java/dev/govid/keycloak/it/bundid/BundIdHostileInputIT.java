package dev.govid.keycloak.it.bundid;

import static dev.govid.keycloak.it.bundid.BundIdCryptoIT.assertRefusedPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.KeycloakLogWindow;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a browser or an attacker can send to the broker endpoint without any key: each ends on a 4xx page that
 * names BundID and says what to do, with at most one log line and no stack trace (before, several of these
 * were HTTP 500, one a {@code StackOverflowError} with a thousand lines of stack trace per request).
 */
class BundIdHostileInputIT {

    private static final String RESPONSE_OPEN = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
            + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_hostile\" Version=\"2.0\" "
            + "IssueInstant=\"2026-01-01T00:00:00Z\"><saml:Issuer>x</saml:Issuer>";

    private static final String COMPACT_OPEN =
            "<Response xmlns=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_h\" Version=\"2.0\">";

    private static BundIdLogin login;

    @BeforeAll
    static void startServers() {
        SharedKeycloak.get();
        SharedSimulator.get();
        login = BundIdLoginIT.newLogin()
                .start(Map.of("ui_locales", "en"))
                .atIdp()
                .loginAs("erika", "eID", "none");
    }

    private static Page post(String samlResponse, String relayState, String expectedText) {
        Map<String, String> form = new LinkedHashMap<>(login.responseForm());
        form.put("SAMLResponse", samlResponse);
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        KeycloakLogWindow log = KeycloakLogWindow.open();
        Page page = login.browser().post(login.acsUrl(), form);
        assertRefusedPage(page, expectedText);
        assertThat(page.text()).contains("BundID");
        assertThat(log.stackFrames()).as("stack trace in the Keycloak log").isEmpty();
        assertThat(log.linesContaining("GuardedSamlEndpoint").size()
                        + log.linesContaining("ERROR").size())
                .as("log lines")
                .isLessThanOrEqualTo(1);
        return page;
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badBase64() {
        post("a", null, "could not be read");
    }

    @Test
    void notXml() {
        post(base64("this is not XML <"), null, "could not be read");
    }

    @Test
    void notASamlResponse() {
        post(base64("<html><body>hello</body></html>"), null, "could not be read");
    }

    /**
     * 5,000 nested {@code Extensions}, left open and in the default namespace to stay below Keycloak's
     * form-size limit (which answers 413 on its own before any provider code runs): stock Keycloak's
     * recursive parser overflows the stack on it before it notices the missing end tags.
     */
    @Test
    void deeplyNestedExtensions() {
        String deep = COMPACT_OPEN + "<Extensions>".repeat(5000);
        Page page = post(base64(deep), null, "more deeply nested than any real login answer");
        assertThat(page.status()).isEqualTo(413);
    }

    @Test
    void hugeElementCount() {
        String many = COMPACT_OPEN + "<Extensions>" + "<a/>".repeat(15_000) + "</Extensions></Response>";
        post(base64(many), null, "more deeply nested than any real login answer");
    }

    @Test
    void hugeXmlAttributeCount() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        post(
                base64(RESPONSE_OPEN.replace("ID=\"_hostile\"", "ID=\"_hostile\"" + attributes) + "</samlp:Response>"),
                null,
                "more deeply nested than any real login answer");
    }

    @Test
    void forgedRelayState() {
        post(login.samlResponse(), "x.y.z", "does not belong to a login in progress");
    }

    @Test
    void missingRelayState() {
        post(login.samlResponse(), "", "does not belong to a login in progress");
    }

    /** A browser without the login's cookie: the authentication session is unknown (as after it expired). */
    @Test
    void unknownOrExpiredAuthenticationSession() {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        Page page = new Browser().acceptLanguage("en").post(login.acsUrl(), login.responseForm());
        assertRefusedPage(page, "does not belong to a login in progress in this browser, or the login has expired");
        assertThat(log.stackFrames()).isEmpty();
    }

    @Test
    void unsolicitedResponseOnTheIdpInitiatedEndpoint() {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        Page page = new Browser()
                .acceptLanguage("en")
                .post(login.acsUrl() + "/clients/demo-app", Map.of("SAMLResponse", login.samlResponse()));
        assertRefusedPage(page, "does not belong to a login in progress");
        assertThat(log.stackFrames()).isEmpty();
    }

    @Test
    void responseOnTheRedirectBinding() {
        Map<String, String> form = login.responseForm();
        // A small response: a real one does not fit into a URL (which is why the profiles use POST).
        String url = login.acsUrl() + "?SAMLResponse="
                + URLEncoder.encode(base64(COMPACT_OPEN + "</Response>"), StandardCharsets.UTF_8) + "&RelayState="
                + URLEncoder.encode(form.getOrDefault("RelayState", ""), StandardCharsets.UTF_8);
        KeycloakLogWindow log = KeycloakLogWindow.open();
        Page page = login.browser().get(url);
        assertRefusedPage(page, "could not be read");
        assertThat(log.stackFrames()).isEmpty();
    }
}
