package dev.govid.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;
import org.junit.jupiter.api.Test;

/** Smoke test of the harness itself: the real Keycloak starts with our jars and the demo realm. */
class KeycloakHarnessIT {

    private final KeycloakServer keycloak = SharedKeycloak.get();

    @Test
    void servesTheDemoRealmsDiscoveryDocument() {
        Page page =
                new Browser().get(keycloak.realmUrl(SharedKeycloak.DEMO_REALM) + "/.well-known/openid-configuration");

        assertThat(page.status()).isEqualTo(200);
        JsonNode discovery = Json.parse(page.body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(keycloak.realmUrl(SharedKeycloak.DEMO_REALM));
        assertThat(discovery.path("acr_values_supported").toString()).contains("STORK-QAA-Level-4");
    }

    @Test
    void importedTheDemoRealmWithTheGovidThemeAndPlaceholdersResolved() {
        JsonNode realm = keycloak.admin().getRealm(SharedKeycloak.DEMO_REALM);
        assertThat(realm.path("loginTheme").asText()).isEqualTo("govid");
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("de");

        JsonNode clients = keycloak.admin().getJson("/" + SharedKeycloak.DEMO_REALM + "/clients?clientId=demo-app");
        assertThat(clients.path(0).path("redirectUris").toString()).contains(SharedKeycloak.appUrl() + "/*");
    }

    @Test
    void serverInfoListsTheGovidLoginTheme() {
        JsonNode themes = keycloak.admin().serverInfo().path("themes").path("login");
        assertThat(names(themes, "name")).contains("govid");
    }

    @Test
    void serverInfoListsOurProviders() {
        JsonNode serverInfo = keycloak.admin().serverInfo();
        List<String> ids = names(serverInfo.path("identityProviders"), "id");
        assertThat(ids).contains("govid-bundid");
        assertThat(serverInfo
                        .path("providers")
                        .path("protocol-mapper")
                        .path("providers")
                        .has("govid-bundid-claims"))
                .isTrue();
        assertThat(serverInfo
                        .path("providers")
                        .path("identity-provider-mapper")
                        .path("providers")
                        .has("govid-bundid-attribute-mapper"))
                .isTrue();
    }

    private static final String PASSWORD_CLIENT_ID = "harness-password-login";
    private static final String PASSWORD_CLIENT_SECRET = "harness-password-secret";

    /**
     * The demo realm's own browser flow knows only eIDs; this client is bound to Keycloak's built-in "browser"
     * flow, so the harness can be checked with a local user and a password form.
     */
    private OidcClient passwordClient(String redirectUri) {
        String realm = SharedKeycloak.DEMO_REALM;
        if (keycloak.admin()
                .getJson("/" + realm + "/clients?clientId=" + PASSWORD_CLIENT_ID)
                .isEmpty()) {
            String browserFlowId = null;
            for (JsonNode flow : keycloak.admin().getJson("/" + realm + "/authentication/flows")) {
                if ("browser".equals(flow.path("alias").asText())) {
                    browserFlowId = flow.path("id").asText();
                }
            }
            assertThat(browserFlowId).as("Keycloak's built-in browser flow").isNotNull();
            keycloak.admin().createClient(realm, Json.parse("""
                    {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                     "authenticationFlowBindingOverrides":{"browser":"%s"}}
                    """.formatted(
                            PASSWORD_CLIENT_ID, PASSWORD_CLIENT_SECRET, SharedKeycloak.appUrl(), browserFlowId)));
        }
        return new OidcClient(keycloak.realmUrl(realm), PASSWORD_CLIENT_ID, PASSWORD_CLIENT_SECRET, redirectUri);
    }

    /** The scripted browser must carry Keycloak's Secure cookies over http, or this ends in cookie_not_found. */
    @Test
    void browserReachesTheLoginFormAndKeycloakRejectsAWrongPasswordWithoutCookieErrors() {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient oidc = passwordClient(redirectUri);
        Browser browser = new Browser().stopBeforeUrlStartingWith(redirectUri);

        Page login = browser.get(oidc.newAuthorizationRequest("openid", Map.of("ui_locales", "en"))
                .url());
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("/login/govid/");
        assertThat(browser.cookies().get("AUTH_SESSION_ID")).isPresent();

        Page retry = browser.submitForm(login, "form#kc-form-login", Map.of("username", "nobody", "password", "wrong"));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).doesNotContain("cookie_not_found").containsIgnoringCase("invalid");
    }

    @Test
    void completesACodeFlowForAUserCreatedThroughTheAdminApi() {
        String username = "harness-" + System.nanoTime();
        keycloak.admin()
                .postJson("/" + SharedKeycloak.DEMO_REALM + "/users", Json.parse("""
                {"username": "%s", "enabled": true, "email": "%s@example.org", "emailVerified": true,
                 "firstName": "Erika", "lastName": "Mustermann",
                 "credentials": [{"type": "password", "value": "Secret-123", "temporary": false}]}
                """.formatted(username, username)));
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient oidc = passwordClient(redirectUri);
        Browser browser = new Browser().stopBeforeUrlStartingWith(redirectUri);
        var request = oidc.newAuthorizationRequest("openid", Map.of());

        Page login = browser.get(request.url());
        Page callback =
                browser.submitForm(login, "form#kc-form-login", Map.of("username", username, "password", "Secret-123"));

        assertThat(callback.isRedirect())
                .as("redirect to the app, got %s", callback)
                .isTrue();
        Map<String, String> params = dev.govid.keycloak.harness.Urls.queryParams(callback.location());
        assertThat(params.get("state")).isEqualTo(request.state());
        TokenResponse tokens = oidc.exchangeCode(params.get("code"), request.codeVerifier());
        JsonNode claims = tokens.idTokenClaims();
        assertThat(claims.path("preferred_username").asText()).isEqualTo(username);
        assertThat(claims.path("nonce").asText()).isEqualTo(request.nonce());
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(entry -> names.add(entry.path(field).asText()));
        return names;
    }
}
