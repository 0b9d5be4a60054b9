package dev.govid.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;

/**
 * What every eID login as a browser does the same way, whatever the eID: the authorization request, GovID's
 * "for myself / on behalf" question, and the end — at the client with a code, or on a page. The eID's own steps
 * (its simulator page, how the answer comes back) are the subclass's.
 */
public abstract class EidBrowserLogin {

    protected final Browser browser;
    protected final OidcClient client;
    protected final String redirectUri;
    protected AuthorizationRequest authorization;
    protected Page current;
    protected Page result;

    protected EidBrowserLogin(Browser browser, OidcClient client, String redirectUri) {
        this.browser = browser;
        this.client = client;
        this.redirectUri = redirectUri;
        browser.stopBeforeUrlStartingWith(redirectUri);
    }

    protected void authorize(Map<String, String> params) {
        authorization = client.newAuthorizationRequest("openid", params);
        current = browser.get(authorization.url());
    }

    public Browser browser() {
        return browser;
    }

    public Page page() {
        return current;
    }

    public boolean asksForRepresentation() {
        return !current.document().select("#govid-representation-form").isEmpty();
    }

    /** Answers GovID's question; up to the page that sends the AuthnRequest. */
    protected void answerRepresentation(boolean onBehalf) {
        assertThat(asksForRepresentation())
                .as("representation question expected on %s", current)
                .isTrue();
        current = browser.submitForm(
                current, "#govid-representation-form", Map.of("representation", onBehalf ? "on-behalf" : "self"));
    }

    public Page result() {
        return result;
    }

    public boolean reachedClient() {
        return result.isRedirect() && result.location().toString().startsWith(redirectUri);
    }

    public TokenResponse tokens() {
        assertThat(reachedClient())
                .as("login should reach the client, ended at: %s", result)
                .isTrue();
        return client.exchangeCode(Urls.queryParams(result.location()).get("code"), authorization.codeVerifier());
    }

    /** The visible text of the page the login ended on instead of the client. */
    public String errorPageText() {
        assertThat(reachedClient()).as("login must not reach the client").isFalse();
        return result.text();
    }
}
