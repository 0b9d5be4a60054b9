package dev.govid.keycloak.benchmarks;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;

/**
 * A second application reached by single sign-on: each simulated user's browser logs in once through the eID (during
 * warm-up), then every timed login is the browser's authorization request at the
 * second application answered from the session cookie, the redirect with the code and the token request.
 */
final class SsoLogin implements LoginPath {

    private final String name;
    private final BrowserLogin firstLogin;
    private final OidcClient secondApplication;
    private final String redirectUri;
    /** Browsers that went through the eID login once; each concurrent user takes one and gives it back. */
    private final Queue<Browser> signedIn = new ConcurrentLinkedQueue<>();

    SsoLogin(String name, BrowserLogin firstLogin, String secondClientId) {
        this.name = name;
        this.firstLogin = firstLogin;
        this.redirectUri = firstLogin.redirectUri();
        this.secondApplication =
                new OidcClient(firstLogin.realmUrl(), secondClientId, firstLogin.clientSecret(), redirectUri);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void login() {
        Browser browser = signedIn.poll();
        if (browser == null) {
            browser = new Browser();
            firstLogin.loginIn(browser);
        }
        try {
            secondApplication(browser);
        } finally {
            signedIn.add(browser);
        }
    }

    private void secondApplication(Browser browser) {
        AuthorizationRequest authorization = secondApplication.newAuthorizationRequest("openid", Map.of());
        Page result = browser.get(authorization.url());
        if (!result.isRedirect() || !result.location().toString().startsWith(redirectUri)) {
            throw new IllegalStateException(name + ": single sign-on did not reach the second application: " + result);
        }
        String code = Urls.queryParams(result.location()).get("code");
        if (code == null
                || secondApplication
                                .exchangeCode(code, authorization.codeVerifier())
                                .idToken()
                        == null) {
            throw new IllegalStateException(name + ": no ID token by single sign-on: " + result);
        }
    }
}
