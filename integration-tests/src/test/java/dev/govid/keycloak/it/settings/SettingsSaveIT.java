package dev.govid.keycloak.it.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, "settings fail at login instead of at save": every kind of GovID setting is refused when an admin saves
 * it — client attributes through the admin REST API (create and update, which is what the admin console calls) and
 * in a realm import; identity-provider configs of both eID types; realm attributes in a realm import. The answer
 * names the setting, never echoes the value.
 */
class SettingsSaveIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final String CLIENT = "settings-save-it";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
    }

    private static ObjectNode client(String clientId, Map<String, String> attributes) {
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","protocol":"openid-connect","enabled":true,"publicClient":true,
                 "redirectUris":["%s/*"]}""".formatted(clientId, SharedKeycloak.appUrl()));
        ObjectNode attrs = client.putObject("attributes");
        attributes.forEach(attrs::put);
        return client;
    }

    private static AdminApiException refused(Runnable call) {
        try {
            call.run();
        } catch (AdminApiException e) {
            return e;
        }
        throw new AssertionError("expected the admin API to refuse the call");
    }

    /** One bad value per kind of setting; each create is refused with HTTP 400 naming the key. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "govid.representation          | requried", // choice
                "govid.sso.confirmation        | yes", // boolean
                "govid.mandate.maxValidityDays | ninety", // number
                "govid.mandate.maxValidityDays | 0", // number out of range
                "govid.mandate.mandators       | natural##company", // list of choices
                "govid.mandate.profiles        | <script>", // list of names
                "govid.privateSector           | ja", // boolean (the one private-sector key)
                "govid.testIdentities          | reject", // choice
                "govid.selection.eids          | bundid##nosuch", // identity providers of the realm
                "govid.frameAncestors          | https://*.com", // exact origins only
                "govid.frameAncestors          | http://portal.example.gv.at", // https only (http for loopback)
                "govid.theme.logo              | javascript:alert(1)", // image URL
                "govid.theme.helpUrl           | http://help.example/", // link
                "govid.theme.primaryColor      | red", // colour
                "govid.theme.title             | a\\nb", // text without line breaks
                "govid.revisionlog.events      | 6300 9999", // revision-log event codes
                "moa.oaUrlPrefixes             | http://acc-app.example", // URL prefix
                "moa.artifactTtlSeconds        | 5 minutes", // number
                "moa.backChannelAuth           | client_secret", // choice
                "moa.mtls.subjectDn            | not a dn ===", // distinguished name
                "moa.minorVersion              | 2", // choice
                "moa.target                    | B F", // MOA-ID Target
                "moa.target                    | bf", // a sector code is in capitals
                "govid.represntation           | optional", // a near miss of a known key
            })
    void aBadValueIsRefusedOnCreate(String key, String value) {
        SettingsTestSupport.deleteClient(keycloak, REALM, CLIENT);
        String stored = value.replace("\\n", "\n");
        AdminApiException e = refused(() -> keycloak.admin().createClient(REALM, client(CLIENT, Map.of(key, stored))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).contains(key);
        if (stored.length() > 3) {
            assertThat(e.body()).as("the value is not echoed").doesNotContain(stored);
        }
        assertThat(keycloak.admin().getJson("/" + REALM + "/clients?clientId=" + CLIENT))
                .isEmpty();
    }

    /** GovID's validation runs after Keycloak's own, never instead of it. */
    @Test
    void keycloaksOwnClientValidationStillApplies() {
        SettingsTestSupport.deleteClient(keycloak, REALM, CLIENT);
        ObjectNode client = client(CLIENT, Map.of("govid.representation", "off"));
        client.putArray("redirectUris").add("javascript:alert(1)");
        AdminApiException e = refused(() -> keycloak.admin().createClient(REALM, client));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).containsIgnoringCase("redirect");
    }

    @Test
    void conflictingPrivateSectorKeysAreRefused() {
        SettingsTestSupport.deleteClient(keycloak, REALM, CLIENT);
        AdminApiException e = refused(() -> keycloak.admin()
                .createClient(
                        REALM, client(CLIENT, Map.of("govid.privateSector", "false", "moa.privateSector", "true"))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).contains("moa.privateSector").contains("govid.privateSector");
    }

    @Test
    void validSettingsAreAcceptedAndAnUpdateToABadValueIsRefused() {
        SettingsTestSupport.deleteClient(keycloak, REALM, CLIENT);
        String id = keycloak.admin()
                .createClient(
                        REALM,
                        client(
                                CLIENT,
                                Map.ofEntries(
                                        Map.entry("govid.representation", "optional"),
                                        Map.entry("govid.mandate.profiles", "*"),
                                        Map.entry("govid.mandate.mandators", "natural"),
                                        Map.entry("govid.mandate.maxValidityDays", "365"),
                                        Map.entry("govid.privateSector", "false"),
                                        Map.entry("govid.sso.confirmation", "FALSE"),
                                        Map.entry("govid.selection.eids", "idaustria##bundid"),
                                        Map.entry("govid.testIdentities", "refuse"),
                                        Map.entry(
                                                "govid.frameAncestors",
                                                "https://portal.example.gv.at##http://localhost:8082"),
                                        Map.entry("govid.theme.logo", "/resources/logo.svg"),
                                        Map.entry("govid.theme.helpUrl", "https://help.example/faq#eid"),
                                        Map.entry("govid.theme.primaryColor", "#0055AA"),
                                        Map.entry("govid.theme.text.govidSelectionIntro.de", "Hallo"),
                                        Map.entry("govid.revisionlog.events", "6300, 5002"),
                                        Map.entry("some.other.attribute", "anything"))));
        JsonNode stored = keycloak.admin().getJson("/" + REALM + "/clients/" + id);
        assertThat(stored.path("attributes").path("govid.representation").asText())
                .isEqualTo("optional");

        ObjectNode update = (ObjectNode) stored;
        ((ObjectNode) update.path("attributes")).put("govid.representation", "on");
        AdminApiException e = refused(() -> keycloak.admin().putJson("/" + REALM + "/clients/" + id, update));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).contains("govid.representation").contains("off, optional, required");
        assertThat(keycloak.admin()
                        .getJson("/" + REALM + "/clients/" + id)
                        .path("attributes")
                        .path("govid.representation")
                        .asText())
                .as("the refused update changed nothing")
                .isEqualTo("optional");
        keycloak.admin().delete("/" + REALM + "/clients/" + id);
    }

    // ---- realm import --------------------------------------------------------------------------------

    private static ObjectNode realm(String name) {
        return (ObjectNode) Json.parse("""
                {"realm":"%s","enabled":true,"clients":[],"identityProviders":[],"attributes":{}}""".formatted(name));
    }

    private static void assertImportRefused(ObjectNode realm, String key) {
        String name = realm.path("realm").asText();
        if (keycloak.admin().realmExists(name)) {
            keycloak.admin().deleteRealm(name);
        }
        AdminApiException e = refused(() -> keycloak.admin().createRealm(realm));
        assertThat(e.status()).as(e.getMessage()).isBetween(400, 599);
        assertThat(keycloak.admin().realmExists(name))
                .as("nothing of the refused import is left")
                .isFalse();
        String log = SettingsTestSupport.keycloakLog(keycloak);
        assertThat(e.body() + log).contains(key);
    }

    @Test
    void aRealmImportWithABadClientSettingIsRefused() {
        ObjectNode realm = realm("settings-import-client");
        ((com.fasterxml.jackson.databind.node.ArrayNode) realm.path("clients"))
                .add(client("imported", Map.of("govid.mandate.maxValidityDays", "lots")));
        assertImportRefused(realm, "govid.mandate.maxValidityDays");
    }

    @Test
    void aRealmImportWithABadProviderConfigIsRefused() {
        ObjectNode realm = realm("settings-import-idp");
        ((com.fasterxml.jackson.databind.node.ArrayNode) realm.path("identityProviders"))
                .add(bundId("bundid", "prodcution"));
        assertImportRefused(realm, "bundidEnvironment");
    }

    @Test
    void aRealmImportWithABadRealmSettingIsRefused() {
        ObjectNode realm = realm("settings-import-realm");
        ((ObjectNode) realm.path("attributes")).put("govid.revisionlog.retentionDays", "forever");
        assertImportRefused(realm, "govid.revisionlog.retentionDays");
    }

    @Test
    void aValidRealmImportWorks() {
        ObjectNode realm = realm("settings-import-ok");
        ((com.fasterxml.jackson.databind.node.ArrayNode) realm.path("identityProviders"))
                .add(bundId("bundid", "production"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) realm.path("clients"))
                .add(client("imported", Map.of("govid.selection.eids", "bundid", "govid.representation", "off")));
        ((ObjectNode) realm.path("attributes")).put("govid.revisionlog.enabled", "true");
        if (keycloak.admin().realmExists("settings-import-ok")) {
            keycloak.admin().deleteRealm("settings-import-ok");
        }
        keycloak.admin().createRealm(realm);
        assertThat(keycloak.admin().realmExists("settings-import-ok")).isTrue();
        keycloak.admin().deleteRealm("settings-import-ok");
    }

    // ---- identity providers --------------------------------------------------------------------------

    private static ObjectNode bundId(String alias, String environment) {
        return (ObjectNode) Json.parse("""
                {"alias":"%s","providerId":"govid-bundid","enabled":true,
                 "config":{"bundidEnvironment":"%s","bundidOnlineServiceId":"BMI-IT-1","bundidOrganizationDisplayName":"IT",
                   "clientId":"unused","clientSecret":"unused"}}""".formatted(alias, environment));
    }

    private static ObjectNode pvp(String alias) {
        return (ObjectNode) Json.parse("""
                {"alias":"%s","providerId":"govid-pvp","enabled":true,
                 "config":{"pvpMetadataUrl":"%s/idp/metadata","clientId":"unused","clientSecret":"unused"}}""".formatted(alias, SharedKeycloak.simulatorUrl()));
    }

    /** Issue 13: {@code BundIdEnvironment.fromConfig} turned a typo into INTEGRATION; now each bad value is refused. */
    @ParameterizedTest(name = "BundID {0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bundidEnvironment            | prodcution",
                "bundidLang                   | fr",
                "bundidMinimumLevel           | high",
                "bundidRequiredAttributes     | givenName##shoeSize",
                "bundidAllowedMethods         | Carrier pigeon",
                "bundidTemporaryLoginPolicy   | allow",
                "bundidBackUrl                | javascript:history.back()",
                "bundidBackUrl                | http://service.example/",
                "bundidEnableStatusDetail     | maybe",
                "bundidRequestBinding         | ARTIFACT",
                "bundidRequestSignatureAlgorithm | RSA_SHA1",
                "govidSelectionLogo           | //evil.example/logo.png",
            })
    void aBadBundIdSettingIsRefused(String key, String value) {
        deleteProvider("settings-bundid");
        ObjectNode provider = bundId("settings-bundid", "production");
        ((ObjectNode) provider.path("config")).put(key, value);
        AdminApiException e = refused(() -> keycloak.admin().createIdentityProvider(REALM, provider));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).contains(key);
    }

    @ParameterizedTest(name = "ID Austria {0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pvpLoaVocabulary        | eIDAS2",
                "pvpMinimumLevel         | substantial-ish",
                "pvpOptionalAttributes   | MAIL##MANDATOR-NATURAL-PERSON-BPK-LIST",
                "pvpTestConnection       | sometimes",
                "pvpSector               | B F",
                "pvpMetadataUrl          | https://user@idp.example/metadata",
                "pvpAcceptedVersions     | 2.1##latest",
                "pvpAllowAesCbc          | yes",
            })
    void aBadIdAustriaSettingIsRefused(String key, String value) {
        deleteProvider("settings-pvp");
        ObjectNode provider = pvp("settings-pvp");
        ((ObjectNode) provider.path("config")).put(key, value);
        AdminApiException e = refused(() -> keycloak.admin().createIdentityProvider(REALM, provider));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body()).contains(key);
    }

    @Test
    void anUpdateOfAProviderToABadValueIsRefused() {
        deleteProvider("settings-bundid");
        keycloak.admin().createIdentityProvider(REALM, bundId("settings-bundid", "production"));
        ObjectNode provider = (ObjectNode) keycloak.admin().getIdentityProvider(REALM, "settings-bundid");
        ((ObjectNode) provider.path("config")).put("bundidEnvironment", "prod");
        AdminApiException e =
                refused(() -> keycloak.admin().updateIdentityProvider(REALM, "settings-bundid", provider));
        assertThat(e.status()).isEqualTo(400);
        assertThat(keycloak.admin()
                        .getIdentityProvider(REALM, "settings-bundid")
                        .path("config")
                        .path("bundidEnvironment")
                        .asText())
                .isEqualTo("production");
        deleteProvider("settings-bundid");
    }

    private static void deleteProvider(String alias) {
        try {
            keycloak.admin().deleteIdentityProvider(REALM, alias);
        } catch (AdminApiException e) {
            assertThat(e.status()).isEqualTo(404);
        }
    }
}
