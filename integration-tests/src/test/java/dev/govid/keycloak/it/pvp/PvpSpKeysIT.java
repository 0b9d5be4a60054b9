package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.KeycloakLogWindow;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * SP keys against ID Austria's minimum (RSA ≥ 3072, EC ≥ 256 bit): a fresh realm has Keycloak's RSA 2048 keys, so the
 * registration values flag them and serving the SP metadata writes one WARN line per weak key; after adding RSA 3072
 * signing and encryption keys and disabling the 2048-bit ones, nothing is flagged and the metadata is signed with the
 * new key.
 */
class PvpSpKeysIT {

    private static final String REALM = "pvp-keys";
    private static final String ALIAS = "idaustria";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void createRealm() {
        keycloak = SharedKeycloak.get();
        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        keycloak.admin().createRealm(Json.parse("{\"realm\":\"" + REALM + "\",\"enabled\":true}"));
        keycloak.admin().createIdentityProvider(REALM, Json.parse("""
                {"alias":"%s","providerId":"govid-pvp","enabled":true,"config":{"pvpMetadataUrl":"%s","pvpSector":"BF"}}
                """.formatted(
                        ALIAS, SharedSimulator.get().pvpMetadataUrl())));
    }

    @AfterAll
    static void deleteRealm() {
        keycloak.admin().deleteRealm(REALM);
    }

    @Test
    void weakRealmKeysAreFlaggedAndStrongOnesPass() throws Exception {
        JsonNode weak = registrationValues();
        assertThat(weak.path("keysMeetIdAustriaMinimum").asBoolean()).isFalse();
        assertThat(weak.path("entityId").asText()).isEqualTo(keycloak.realmUrl(REALM));
        assertThat(weak.path("personalAttributeSetIndex").asInt()).isZero();
        assertThat(weak.path("onBehalfAttributeSetIndex").asInt()).isEqualTo(1);
        assertThat(weak.path("keys").findValuesAsText("use")).contains("signing", "encryption");
        weak.path("keys").forEach(key -> {
            assertThat(key.path("type").asText()).isEqualTo("RSA");
            assertThat(key.path("bits").asInt()).isEqualTo(2048);
            assertThat(key.path("meetsIdAustriaMinimum").asBoolean()).isFalse();
        });
        assertThat(text()).contains("WARNING: below ID Austria's minimum", "Keys: NOT accepted by ID Austria");

        KeycloakLogWindow log = KeycloakLogWindow.open();
        metadata();
        metadata();
        List<String> warnings = log.linesContaining("below ID Austria's minimum");
        assertThat(warnings)
                .as("one WARN line per weak key, however often the metadata is read")
                .hasSize(weak.path("keys").size())
                .allMatch(line -> line.contains("WARN") && line.contains(REALM) && line.contains("RSA 2048 bit"));
        assertThat(log.stackFrames()).isEmpty();

        addKey("rsa-generated", "RS256");
        addKey("rsa-enc-generated", "RSA-OAEP");
        disableKeysOfSize("2048");

        JsonNode strong = registrationValues();
        assertThat(strong.path("keysMeetIdAustriaMinimum").asBoolean())
                .as("%s", strong)
                .isTrue();
        assertThat(strong.path("keys").findValuesAsText("use")).containsExactlyInAnyOrder("signing", "encryption");
        strong.path("keys").forEach(key -> assertThat(key.path("bits").asInt()).isEqualTo(3072));
        assertThat(text()).contains("Keys: meet ID Austria's minimum").doesNotContain("WARNING");

        String xml = metadata();
        SamlMetadataSchema.validate(xml);
        Document document = SamlXml.parse(xml);
        String signing = SamlXml.elements(document, SamlXml.MD, "KeyDescriptor").stream()
                .filter(k -> "signing".equals(k.getAttribute("use")))
                .findFirst()
                .orElseThrow()
                .getElementsByTagNameNS(SamlXml.DS, "X509Certificate")
                .item(0)
                .getTextContent();
        var publicKey = (java.security.interfaces.RSAPublicKey)
                SamlXml.certificate(signing).getPublicKey();
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(3072);
        assertThat(SamlXml.documentSignatureValid(document, publicKey)).isTrue();
    }

    @Test
    void registrationValuesNeedAnAdminAndAnIdAustriaAlias() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM + "/govid-pvp/"
                                        + ALIAS + "/registration-values"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> keycloak.admin().getJson("/" + REALM + "/govid-pvp/no-such-alias/registration-values"))
                .isInstanceOfSatisfying(
                        AdminApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private static JsonNode registrationValues() {
        return keycloak.admin().getJson("/" + REALM + "/govid-pvp/" + ALIAS + "/registration-values");
    }

    private static String text() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM + "/govid-pvp/"
                                        + ALIAS + "/registration-values"))
                                .header("Authorization", "Bearer " + keycloak.adminToken())
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String metadata() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        keycloak.realmUrl(REALM) + "/broker/" + ALIAS + "/endpoint/descriptor"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void addKey(String providerId, String algorithm) {
        String realmId = keycloak.admin().getRealm(REALM).path("id").asText();
        keycloak.admin().postJson("/" + REALM + "/components", Json.parse("""
                {"name":"%s-3072","providerId":"%s","providerType":"org.keycloak.keys.KeyProvider","parentId":"%s",
                 "config":{"priority":["200"],"keySize":["3072"],"algorithm":["%s"]}}
                """.formatted(
                        providerId, providerId, realmId, algorithm)));
    }

    private static void disableKeysOfSize(String keySize) {
        for (JsonNode component :
                keycloak.admin().getJson("/" + REALM + "/components?type=org.keycloak.keys.KeyProvider")) {
            String provider = component.path("providerId").asText();
            boolean rsa = provider.equals("rsa-generated") || provider.equals("rsa-enc-generated");
            String size = component.path("config").path("keySize").path(0).asText("2048");
            if (rsa && size.equals(keySize)) {
                ObjectNode disabled = component.deepCopy();
                ((ObjectNode) disabled.path("config")).set("enabled", Json.parse("[\"false\"]"));
                keycloak.admin()
                        .putJson(
                                "/" + REALM + "/components/"
                                        + component.path("id").asText(),
                                disabled);
            }
        }
    }
}
