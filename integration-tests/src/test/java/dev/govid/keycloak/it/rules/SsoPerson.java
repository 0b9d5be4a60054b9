package dev.govid.keycloak.it.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;

/**
 * One person's browser across several applications of the demo realm: a first eID login at one client, then
 * the same browser (same SSO cookie) at others, over OIDC and SAML1.
 */
final class SsoPerson {

    static final String SECRET = "rules-secret";
    private final Browser browser = new Browser();

    SsoPerson() {
        browser.stopBefore(uri -> uri.toString().startsWith(SharedKeycloak.appUrl()));
    }

    static OidcClient client(String clientId) {
        String secret = SharedKeycloak.DEMO_CLIENT_ID.equals(clientId) ? SharedKeycloak.demoClientSecret() : SECRET;
        return new OidcClient(
                SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM),
                clientId,
                secret,
                SharedKeycloak.appUrl() + "/callback");
    }

    Browser browser() {
        return browser;
    }

    /** A complete ID Austria login at {@code clientId}; returns the tokens. */
    TokenResponse loginWithIdAustria(String clientId, boolean onBehalf, String persona) {
        OidcClient client = client(clientId);
        AuthorizationRequest request = client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", "idaustria"));
        Page page = browser.get(request.url());
        return tokens(client, request, finishIdAustria(page, onBehalf, persona));
    }

    /** Answers the representation question if asked, then logs in at the ID Austria simulator; returns Keycloak's answer. */
    Page finishIdAustria(Page page, boolean onBehalf, String persona) {
        if (!page.document().select("#govid-representation-form").isEmpty()) {
            page = browser.submitForm(
                    page, "#govid-representation-form", Map.of("representation", onBehalf ? "on-behalf" : "self"));
        }
        Page simulator = browser.followAutoPost(page);
        assertThat(simulator.status()).as("simulator page: %s", simulator).isEqualTo(200);
        Page toKeycloak = browser.submitForm(
                simulator,
                "form[action$=/pvp/login]",
                Map.of("persona", persona, "loa", "high", "fault", "none"),
                "action=login");
        return browser.followAutoPost(toKeycloak);
    }

    /** A complete BundID login at {@code clientId} with the given persona and method. */
    TokenResponse loginWithBundId(String clientId, String persona, String method, Map<String, String> extraParams) {
        OidcClient client = client(clientId);
        Map<String, String> params = new LinkedHashMap<>(extraParams);
        params.put("kc_idp_hint", "bundid");
        AuthorizationRequest request = client.newAuthorizationRequest("openid", params);
        Page page = browser.get(request.url());
        Page simulator = page.isRedirect() ? browser.follow(page) : browser.followAutoPost(page);
        assertThat(simulator.status())
                .as("BundID simulator page: %s", simulator)
                .isEqualTo(200);
        Page toKeycloak = browser.submitForm(
                simulator,
                "form[action$=/idp/login]",
                Map.of("persona", persona, "method", method, "fault", "none"),
                "action=login");
        return tokens(client, request, browser.followAutoPost(toKeycloak));
    }

    /** What the browser meets when it now asks {@code clientId} for a login (single sign-on if the cookie is enough). */
    Attempt visit(String clientId, Map<String, String> params) {
        OidcClient client = client(clientId);
        AuthorizationRequest request = client.newAuthorizationRequest("openid", params);
        return new Attempt(client, request, browser.get(request.url()));
    }

    Attempt visit(String clientId) {
        return visit(clientId, Map.of());
    }

    /** The page or redirect an authorization request led to. */
    static final class Attempt {
        final OidcClient client;
        final AuthorizationRequest request;
        final Page page;

        Attempt(OidcClient client, AuthorizationRequest request, Page page) {
            this.client = client;
            this.request = request;
            this.page = page;
        }

        boolean reachedClient() {
            return page.isRedirect() && page.location().toString().startsWith(SharedKeycloak.appUrl());
        }

        Map<String, String> callbackParams() {
            assertThat(reachedClient())
                    .as("expected a redirect to the client, got %s", page)
                    .isTrue();
            return Urls.queryParams(page.location());
        }

        TokenResponse tokens() {
            return SsoPerson.tokens(client, request, page);
        }

        /** The login went on to a fresh login: a GovID page (question or eID selection) that says why, no code. */
        String freshLoginPageText() {
            assertThat(reachedClient())
                    .as("the SSO session must not reach the client: %s", page)
                    .isFalse();
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            return page.text();
        }

        Page page() {
            return page;
        }
    }

    private static TokenResponse tokens(OidcClient client, AuthorizationRequest request, Page result) {
        assertThat(result.isRedirect() && result.location().toString().startsWith(SharedKeycloak.appUrl()))
                .as("login should reach the client, ended at: %s", result)
                .isTrue();
        Map<String, String> query = Urls.queryParams(result.location());
        assertThat(query).as("callback without error").doesNotContainKey("error");
        return client.exchangeCode(query.get("code"), request.codeVerifier());
    }

    /** A refresh at the token endpoint, as the application would do later in the session. */
    static JsonNode refresh(String clientId, String refreshToken) throws Exception {
        OidcClient client = client(clientId);
        String form = Urls.formEncode(Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refreshToken,
                "client_id",
                clientId,
                "client_secret",
                SECRET));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(client.tokenEndpoint()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return OidcClient.decodeJwtClaims(
                Json.parse(response.body()).path("id_token").asText());
    }
}
