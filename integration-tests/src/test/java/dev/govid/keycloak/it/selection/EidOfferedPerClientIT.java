package dev.govid.keycloak.it.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's eID list ({@code govid.selection.eids}) is enforced where the login starts, not only on the
 * selection page: an eID the client does not offer cannot be reached by {@code kc_idp_hint}.
 */
class EidOfferedPerClientIT {
    private static final String CLIENT_ID = "offers-bundid-only";
    private static final String SECRET = "offers-bundid-only-secret";

    @BeforeAll
    static void registerClient() {
        KeycloakServer keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        String realm = SharedKeycloak.DEMO_REALM;
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + CLIENT_ID).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        keycloak.admin().createClient(realm, Json.parse("""
                {"clientId":"%s","protocol":"openid-connect","enabled":true,"publicClient":false,"secret":"%s",
                 "standardFlowEnabled":true,"redirectUris":["%s/*"],"attributes":{"govid.selection.eids":"bundid"}}
                """.formatted(CLIENT_ID, SECRET, SharedKeycloak.appUrl())));
    }

    private static Page startWithHint(String alias) {
        OidcClient client = new OidcClient(
                SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM),
                CLIENT_ID,
                SECRET,
                SharedKeycloak.appUrl() + "/callback");
        return new Browser()
                .get(client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", alias))
                        .url());
    }

    @Test
    void anEidTheClientDoesNotOfferIsRefused() {
        Page page = startWithHint("idaustria");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("does not offer logging in with this eID");
    }

    @Test
    void anOfferedEidStartsItsLogin() {
        Page page = startWithHint("bundid");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("form input[name=SAMLRequest]"))
                .as("auto-posted AuthnRequest to BundID")
                .isNotEmpty();
    }
}
