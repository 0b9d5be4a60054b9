package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Ports;
import dev.govid.keycloak.it.KeycloakLogWindow;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider registered before its IdP is reachable (the natural order with a new IdP): the person gets a
 * 503 page naming BundID, the admin one WARN line, and once the IdP is up the next login works within the
 * backoff (1 s after the first failure), not after 30 s of 502s.
 */
class BundIdMetadataOutageIT {

    private static final String REALM = "bundid-outage";
    private static final String SECRET = "outage-secret";
    private static KeycloakServer keycloak;
    private static Simulator lateIdp;
    private static int idpPort;
    private static String redirectUri;

    @BeforeAll
    static void createRealm() {
        keycloak = SharedKeycloak.get();
        idpPort = Ports.free();
        redirectUri = SharedKeycloak.appUrl() + "/outage";
        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "clients":[{"clientId":"app","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s"]}]}
                """.formatted(REALM, SECRET, redirectUri)));
        ObjectNode config = Json.object()
                .put("bundidEnvironment", "custom")
                .put("bundidMetadataUrl", "http://127.0.0.1:" + idpPort + "/idp/metadata")
                .put("bundidOnlineServiceId", "BMI-TEST-outage")
                .put("bundidOrganizationDisplayName", "Testbehörde outage")
                .put("entityId", keycloak.realmUrl(REALM) + "/outage");
        ObjectNode provider = Json.object()
                .put("alias", "bundid-late")
                .put("providerId", "govid-bundid")
                .put("enabled", true);
        provider.set("config", config);
        keycloak.admin().createIdentityProvider(REALM, provider);
    }

    @AfterAll
    static void stopIdp() {
        if (lateIdp != null) {
            lateIdp.close();
        }
    }

    private static Page startLogin() {
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), "app", SECRET, redirectUri);
        Browser browser = new Browser().acceptLanguage("en");
        browser.stopBefore(uri -> uri.toString().startsWith(redirectUri));
        return browser.get(client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", "bundid-late"))
                .url());
    }

    @Test
    void unreachableMetadataAnswers503ThenRecoversWithinTheBackoff() throws Exception {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        Page down = startLogin();
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text()).contains("BundID is not reachable right now");
        assertThat(down.body()).doesNotContain("Exception", "unknown_error");
        Page stillDown = startLogin();
        assertThat(stillDown.status()).isEqualTo(503);
        assertThat(log.linesContaining("Could not read IdP metadata"))
                .as("one WARN for the admin")
                .hasSize(1)
                .allMatch(line -> line.contains("WARN"));
        assertThat(log.stackFrames()).isEmpty();

        lateIdp = Simulator.start(SimulatorConfig.builder()
                .host("127.0.0.1")
                .port(idpPort)
                .baseUrl("http://127.0.0.1:" + idpPort)
                .build());
        Thread.sleep(2500);
        Page up = startLogin();
        assertThat(up.status()).as("towards the IdP: %s", up).isIn(200, 302, 303);
        assertThat(up.body()).contains("SAMLRequest");
    }
}
