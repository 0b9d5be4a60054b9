package dev.govid.keycloak.benchmarks;

import java.util.Map;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;

/**
 * One complete brokered login as a browser performs it: OIDC authorization request → Keycloak → SAML
 * AuthnRequest → simulator login form → SAML Response → Keycloak → code → token endpoint.
 */
record LoginPath(String name, String realmUrl, String idpAlias, String clientSecret, String redirectUri) {

    /** Runs one login with a fresh browser (no SSO) and returns once the tokens are issued. */
    void login() {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(realmUrl, "bench-app", clientSecret, redirectUri);
        AuthorizationRequest authorization = client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", idpAlias));
        Page toIdp = browser.get(authorization.url());
        Page idpForm = browser.followAutoPost(toIdp);
        Page toKeycloak = browser.submitForm(idpForm, "form[action$=/idp/login]",
                Map.of("persona", "erika", "method", "eID", "fault", "none"), "action=login");
        Page result = browser.followAutoPost(toKeycloak);
        if (!result.isRedirect() || !result.location().toString().startsWith(redirectUri)) {
            throw new IllegalStateException(name + ": login did not reach the client: " + result);
        }
        String code = Urls.queryParams(result.location()).get("code");
        if (client.exchangeCode(code, authorization.codeVerifier()).idToken() == null) {
            throw new IllegalStateException(name + ": no ID token");
        }
    }
}
