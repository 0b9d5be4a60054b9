package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.EidBrowserLogin;
import dev.govid.keycloak.it.SharedKeycloak;

/**
 * One DigiD login as a browser does it: authorization request, GovID's "for myself / on behalf" question (when the
 * client offers representation), the AuthnRequest to the simulator's DigiD mode, its form, the redirect with the
 * artifact back to Keycloak (which resolves it over the mutual-TLS back channel), and the code or the error page.
 */
final class DigidLogin extends EidBrowserLogin {

    private Page toKeycloak;

    private DigidLogin(Browser browser, OidcClient client, String redirectUri) {
        super(browser, client, redirectUri);
    }

    static DigidLogin forClient(String clientId) {
        return withBrowser(new Browser(), clientId);
    }

    /** A login in an existing browser (its SSO cookie), for another client. */
    static DigidLogin withBrowser(Browser browser, String clientId) {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient client = new OidcClient(
                SharedKeycloak.get().realmUrl(DigidSetup.REALM), clientId, DigidSetup.SECRET, redirectUri);
        return new DigidLogin(browser, client, redirectUri);
    }

    DigidLogin start(String alias, Map<String, String> extraParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kc_idp_hint", alias);
        params.putAll(extraParams);
        authorize(params);
        return this;
    }

    DigidLogin start(String alias) {
        return start(alias, Map.of());
    }

    DigidLogin actingFor(boolean onBehalf) {
        answerRepresentation(onBehalf);
        return this;
    }

    /** The AuthnRequest Keycloak posts (POST binding) to the simulator. */
    String authnRequestXml() {
        String encoded = current.element("input[name=SAMLRequest]").attr("value");
        return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    /** Follows Keycloak's auto-post (POST binding); with the Redirect binding the browser is already there. */
    DigidLogin atIdp() {
        if (current.document().select("form[action$=/digid/login]").isEmpty()) {
            current = browser.followAutoPost(current);
        }
        assertThat(current.status()).as("simulator page: %s", current).isEqualTo(200);
        assertThat(current.document().select("form[action$=/digid/login]"))
                .as("DigiD login form on %s", current)
                .isNotEmpty();
        return this;
    }

    DigidLogin loginAs(String persona, String level, String fault) {
        toKeycloak = browser.submitForm(
                current,
                "form[action$=/digid/login]",
                Map.of("persona", persona, "level", level, "fault", fault),
                "action=login");
        assertThat(toKeycloak.status())
                .as("simulator answer page: %s", toKeycloak)
                .isEqualTo(200);
        return this;
    }

    DigidLogin loginAs(String persona, String level) {
        return loginAs(persona, level, "none");
    }

    DigidLogin cancel() {
        toKeycloak =
                browser.submitForm(current, "form[action$=/digid/login]", Map.of("fault", "none"), "action=cancel");
        return this;
    }

    /** The URL with SAMLart and RelayState the simulator sends the browser to. */
    String artifactUrl() {
        return toKeycloak.element("#digid-continue").absUrl("href");
    }

    DigidLogin backToKeycloak() {
        result = browser.get(artifactUrl());
        return this;
    }

    /** After an SSO login the browser comes straight back to the client (or to GovID's pages) without the IdP. */
    Page current() {
        return current;
    }

    boolean currentReachedClient() {
        return current.isRedirect() && current.location().toString().startsWith(redirectUri);
    }

    TokenResponse tokensFromCurrent() {
        assertThat(currentReachedClient())
                .as("SSO should reach the client, ended at: %s", current)
                .isTrue();
        return client.exchangeCode(Urls.queryParams(current.location()).get("code"), authorization.codeVerifier());
    }
}
