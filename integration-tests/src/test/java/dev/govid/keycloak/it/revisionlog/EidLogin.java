package dev.govid.keycloak.it.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;

/** A browser login through BundID or ID Austria at the simulator, kept small: the revision-log tests only need the outcome. */
final class EidLogin {
    private final Browser browser;
    private final OidcClient client;
    private final String redirectUri;
    private AuthorizationRequest authorization;
    private Page current;

    EidLogin(Browser browser, OidcClient client, String redirectUri) {
        this.browser = browser;
        this.client = client;
        this.redirectUri = redirectUri;
        browser.stopBeforeUrlStartingWith(redirectUri);
    }

    /** Up to Keycloak's first page (towards the eID system, the representation question, or straight back on SSO). */
    EidLogin start(String idpHint) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kc_idp_hint", idpHint);
        authorization = client.newAuthorizationRequest("openid", params);
        current = browser.get(authorization.url());
        return this;
    }

    EidLogin actingFor(boolean onBehalf) {
        current = browser.submitForm(
                current, "#govid-representation-form", Map.of("representation", onBehalf ? "on-behalf" : "self"));
        return this;
    }

    EidLogin bundId(String persona, String method) {
        Page idp = browser.followAutoPost(current);
        Page back = browser.submitForm(
                idp,
                "form[action$=/idp/login]",
                Map.of("persona", persona, "method", method, "fault", "none"),
                "action=login");
        current = browser.followAutoPost(back);
        return this;
    }

    EidLogin bundIdCancel() {
        Page idp = browser.followAutoPost(current);
        Page back = browser.submitForm(idp, "form[action$=/idp/login]", Map.of("fault", "none"), "action=cancel");
        current = browser.followAutoPost(back);
        return this;
    }

    EidLogin idAustria(String persona) {
        Page idp = browser.followAutoPost(current);
        Page back = browser.submitForm(
                idp,
                "form[action$=/pvp/login]",
                Map.of("persona", persona, "loa", "high", "fault", "none"),
                "action=login");
        current = browser.followAutoPost(back);
        return this;
    }

    /** Answers the SSO confirmation ("You are already signed in — continue?") that a session in this browser brings. */
    EidLogin continueSignedIn() {
        current = browser.submitForm(current, "#govid-sso-form", Map.of(), "govid-sso=continue");
        return this;
    }

    boolean reachedClient() {
        return current.isRedirect() && current.location().toString().startsWith(redirectUri);
    }

    Page page() {
        return current;
    }

    TokenResponse tokens() {
        assertThat(reachedClient())
                .as("login should reach the client, ended at: %s", current)
                .isTrue();
        return client.exchangeCode(Urls.queryParams(current.location()).get("code"), authorization.codeVerifier());
    }
}
