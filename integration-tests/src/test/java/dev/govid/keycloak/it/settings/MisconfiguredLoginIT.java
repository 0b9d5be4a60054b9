package dev.govid.keycloak.it.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.keycloak.it.revisionlog.KeycloakDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A value that slipped in although saving it is refused (here through Keycloak's partial import, which does not run
 * client validation): the login does not throw and does not guess. It stops on a clear page, and the log gets one
 * WARN line naming the setting, however often people try.
 */
class MisconfiguredLoginIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
    }

    private static ObjectNode oidcClient(String clientId, Map<String, String> attributes) {
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","protocol":"openid-connect","enabled":true,"publicClient":true,"standardFlowEnabled":true,
                 "redirectUris":["%s/*"]}""".formatted(clientId, SharedKeycloak.appUrl()));
        ObjectNode attrs = client.putObject("attributes");
        attributes.forEach(attrs::put);
        return client;
    }

    private static Page authorize(String clientId) {
        String url = OidcClient.authorizationUrl(
                keycloak.realmUrl(REALM),
                clientId,
                SharedKeycloak.appUrl() + "/callback",
                "openid",
                "state-1",
                "nonce-1",
                null,
                Map.of());
        return new Browser().stopBeforeUrlStartingWith(SharedKeycloak.appUrl()).get(url);
    }

    private static long warnLines(String key) {
        return SettingsTestSupport.keycloakLog(keycloak)
                .lines()
                .filter(line -> line.contains("WARN") && line.contains("Login refused") && line.contains(key))
                .count();
    }

    /** Issue 13: {@code Integer.valueOf} in the representation rules threw during a citizen's login. */
    @Test
    void aBadRepresentationSettingStopsTheLoginWithAClearPage() {
        SettingsTestSupport.slipIn(
                keycloak,
                REALM,
                oidcClient(
                        "misconfigured-days",
                        Map.of(
                                "govid.representation",
                                "optional",
                                "govid.mandate.profiles",
                                "*",
                                "govid.mandate.maxValidityDays",
                                "ninety")));
        for (int attempt = 0; attempt < 3; attempt++) {
            Page page = authorize("misconfigured-days");
            assertThat(page.isRedirect())
                    .as("no redirect to the application or an eID system")
                    .isFalse();
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.text()).contains("not set up correctly");
            assertThat(page.body()).doesNotContain("SAMLRequest").doesNotContain("govid-representation-form");
        }
        assertThat(warnLines("govid.mandate.maxValidityDays"))
                .as("one WARN line for three refused logins")
                .isEqualTo(1);
    }

    /** Issue 13: {@code RepresentationMode.fromConfig} turned a typo into OFF. */
    @Test
    void anUnknownRepresentationModeIsNotOff() {
        SettingsTestSupport.slipIn(
                keycloak, REALM, oidcClient("misconfigured-mode", Map.of("govid.representation", "requried")));
        Page page = authorize("misconfigured-mode");
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.text()).contains("not set up correctly");
    }

    @Test
    void aBadSaml1SettingStopsStartAuthentication() {
        String prefix = SharedKeycloak.appUrl() + "/misconfigured-saml1/";
        SettingsTestSupport.slipIn(keycloak, REALM, Json.parse("""
                {"clientId":"misconfigured-saml1","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.artifactTtlSeconds":"5 minutes"}}
                """.formatted(prefix)));
        Page page = new Browser()
                .getOnce(Urls.withQuery(
                        keycloak.realmUrl(REALM) + "/protocol/govid-moa-saml1/StartAuthentication",
                        Map.of("Target", "BF", "OA", prefix + "app")));
        assertThat(page.isRedirect()).isFalse();
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.text()).contains("not set up correctly");
        assertThat(warnLines("moa.artifactTtlSeconds")).isEqualTo(1);
    }

    /**
     * Issue 13: {@code BundIdEnvironment.fromConfig} turned a typo into INTEGRATION, so a production realm talked to
     * the integration system. Saving the typo is refused on every path (SettingsSaveIT); here it is written straight
     * into Keycloak's table, as an attacker or a broken migration could, and the login goes nowhere.
     */
    @Test
    void aBundIdEnvironmentTypoInTheDatabaseSendsNobodyAnywhere() throws Exception {
        String alias = "misconfigured-bundid";
        try {
            keycloak.admin().deleteIdentityProvider(REALM, alias);
        } catch (dev.govid.keycloak.harness.AdminApiException e) {
            assertThat(e.status()).isEqualTo(404);
        }
        keycloak.admin().createIdentityProvider(REALM, Json.parse("""
                {"alias":"%s","providerId":"govid-bundid","enabled":true,
                 "config":{"bundidEnvironment":"production","bundidOnlineServiceId":"BMI-IT-1","bundidOrganizationDisplayName":"IT",
                   "clientId":"unused","clientSecret":"unused"}}""".formatted(alias)));
        try (Connection db = KeycloakDatabase.connect();
                PreparedStatement update = db.prepareStatement(
                        "update IDENTITY_PROVIDER_CONFIG set \"VALUE\" = 'prodcution' where NAME = 'bundidEnvironment'"
                                + " and IDENTITY_PROVIDER_ID = (select INTERNAL_ID from IDENTITY_PROVIDER where PROVIDER_ALIAS = ?)")) {
            update.setString(1, alias);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        keycloak.admin().postJson("/" + REALM + "/clear-realm-cache", null);
        assertThat(keycloak.admin()
                        .getIdentityProvider(REALM, alias)
                        .path("config")
                        .path("bundidEnvironment")
                        .asText())
                .isEqualTo("prodcution");

        SettingsTestSupport.deleteClient(keycloak, REALM, "bundid-typo-app");
        keycloak.admin().createClient(REALM, oidcClient("bundid-typo-app", Map.of()));
        String url = OidcClient.authorizationUrl(
                keycloak.realmUrl(REALM),
                "bundid-typo-app",
                SharedKeycloak.appUrl() + "/callback",
                "openid",
                "state-2",
                "nonce-2",
                null,
                Map.of("kc_idp_hint", alias));
        Page page = new Browser()
                .stopBefore(uri -> !uri.toString().startsWith(keycloak.baseUrl()))
                .get(url);
        assertThat(page.isRedirect()).as("no redirect to any BundID system").isFalse();
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.text()).contains("not set up correctly");
        assertThat(page.body()).doesNotContain("SAMLRequest").doesNotContain("id.bund.de");
        assertThat(SettingsTestSupport.keycloakLog(keycloak))
                .contains("identity provider '" + alias + "'")
                .contains("bundidEnvironment");
        keycloak.admin().deleteIdentityProvider(REALM, alias);
    }

    /** Frame ancestors are only page decoration: a bad entry is left out of the header, the login goes on. */
    @Test
    void aWildcardFrameAncestorIsIgnored() {
        SettingsTestSupport.slipIn(
                keycloak,
                REALM,
                oidcClient(
                        "misconfigured-framing",
                        Map.of("govid.frameAncestors", "https://*.com http://portal.example.gv.at")));
        Page page = authorize("misconfigured-framing");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options"))
                .as("still not embeddable anywhere")
                .isPresent();
        assertThat(page.header("Content-Security-Policy").orElse(""))
                .doesNotContain("*.com")
                .doesNotContain("portal.example");
    }

    @Test
    void exactFrameAncestorsStillAllowEmbedding() {
        SettingsTestSupport.slipIn(
                keycloak,
                REALM,
                oidcClient("framing-ok", Map.of("govid.frameAncestors", "https://portal.example.gv.at https://*.com")));
        Page page = authorize("framing-ok");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options")).isEmpty();
        assertThat(page.header("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'self' https://portal.example.gv.at")
                .doesNotContain("*.com");
    }
}
