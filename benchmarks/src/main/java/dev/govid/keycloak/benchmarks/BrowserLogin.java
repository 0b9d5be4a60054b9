package dev.govid.keycloak.benchmarks;

import java.util.Map;
import java.util.function.BiFunction;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;

/**
 * A brokered login: OIDC authorization request → Keycloak → (steps towards the IdP, the IdP's form) →
 * Keycloak → code → token endpoint. The steps between the first page and the page that posts the SAML
 * Response back are the path's own.
 */
record BrowserLogin(
        String name,
        String realmUrl,
        String idpAlias,
        String clientId,
        String clientSecret,
        String redirectUri,
        BiFunction<Browser, Page, Page> toResponsePage)
        implements LoginPath {

    @Override
    public void login() {
        loginIn(new Browser());
    }

    /** The same login in a given browser, which keeps the session cookie afterwards (for single sign-on). */
    void loginIn(Browser browser) {
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(realmUrl, clientId, clientSecret, redirectUri);
        AuthorizationRequest authorization = client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", idpAlias));
        Page first = browser.get(authorization.url());
        Page result = browser.followAutoPost(toResponsePage.apply(browser, first));
        if (!result.isRedirect() || !result.location().toString().startsWith(redirectUri)) {
            throw new IllegalStateException(name + ": login did not reach the client: " + result);
        }
        String code = Urls.queryParams(result.location()).get("code");
        if (client.exchangeCode(code, authorization.codeVerifier()).idToken() == null) {
            throw new IllegalStateException(name + ": no ID token");
        }
    }

    /** The BundID simulator's form: Erika, online ID card. */
    static Page bundIdForm(Browser browser, Page toIdp) {
        Page form = browser.followAutoPost(toIdp);
        return browser.submitForm(
                form,
                "form[action$=/idp/login]",
                Map.of("persona", "erika", "method", "eID", "fault", "none"),
                "action=login");
    }

    /** The PVP simulator's form for a persona. */
    static Page pvpForm(Browser browser, Page toIdp, String persona) {
        Page form = browser.followAutoPost(toIdp);
        return browser.submitForm(
                form,
                "form[action$=/pvp/login]",
                Map.of("persona", persona, "loa", "high", "fault", "none"),
                "action=login");
    }
}
