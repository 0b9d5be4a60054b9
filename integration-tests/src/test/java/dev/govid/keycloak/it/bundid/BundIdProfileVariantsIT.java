package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Ports;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.DataEncryption;
import dev.govid.simulator.KeyTransport;
import dev.govid.simulator.SignatureAlgorithm;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;
import dev.govid.simulator.TrustLevelVocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Profile settings an admin may choose, each in its own provider of a realm created here: Redirect
 * binding with Keycloak's own KeyInfo extension next to ours, temporary logins accepted, an attribute
 * BundID cannot deliver, and the other accepted algorithm family (RSA-SHA256, AES-128-GCM, RSA-OAEP with SHA-256).
 * AES-CBC is refused for BundID ({@link BundIdCryptoIT}).
 */
class BundIdProfileVariantsIT {

    private static final String REALM = "bundid-variants";
    private static final String SECRET = "variants-secret";
    private static KeycloakServer keycloak;
    private static Simulator altSimulator;
    private static String redirectUri;

    @BeforeAll
    static void createRealm() {
        keycloak = SharedKeycloak.get();
        Simulator simulator = SharedSimulator.get();
        int altPort = Ports.free();
        altSimulator = Simulator.start(SimulatorConfig.builder()
                .host("127.0.0.1")
                .port(altPort)
                .baseUrl("http://127.0.0.1:" + altPort)
                .signatureAlgorithm(SignatureAlgorithm.RSA_SHA256)
                .dataEncryption(DataEncryption.AES128_GCM)
                .keyTransport(KeyTransport.RSA_OAEP)
                .trustLevelVocabulary(TrustLevelVocabulary.SPEC_TABLE)
                .build());
        redirectUri = SharedKeycloak.appUrl() + "/variants";

        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "attributes":{"acr.loa.map":"{\\"STORK-QAA-Level-1\\":1,\\"STORK-QAA-Level-2\\":2,\\"STORK-QAA-Level-3\\":3,\\"STORK-QAA-Level-4\\":4}"},
                 "clients":[{"clientId":"app","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                   "redirectUris":["%s"],
                   "protocolMappers":[{"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims",
                     "config":{"id.token.claim":"true","access.token.claim":"true","userinfo.token.claim":"true"}}]}]}
                """.formatted(REALM, SECRET, redirectUri)));
        String realmUrl = keycloak.realmUrl(REALM);
        createProvider(
                "bundid-redirect",
                realmUrl + "/redirect",
                simulator.metadataUrl(),
                Map.of(
                        "bundidRequestBinding",
                        "REDIRECT",
                        "bundidKeyInfoExtension",
                        "true",
                        "bundidTemporaryLoginPolicy",
                        "accept"));
        createProvider(
                "bundid-strict",
                realmUrl + "/strict",
                simulator.metadataUrl(),
                Map.of("bundidRequiredAttributes", "givenName##surname##telephoneNumber"));
        createProvider("bundid-alt", realmUrl + "/alt", altSimulator.metadataUrl(), Map.of());
        for (String alias : new String[] {"bundid-redirect", "bundid-strict"}) {
            simulator.trustSpMetadata(realmUrl + "/broker/" + alias + "/endpoint/descriptor");
        }
        altSimulator.trustSpMetadata(realmUrl + "/broker/bundid-alt/endpoint/descriptor");
    }

    @AfterAll
    static void stopSecondSimulator() {
        if (altSimulator != null) {
            altSimulator.close();
        }
    }

    private static void createProvider(String alias, String entityId, String metadataUrl, Map<String, String> extra) {
        ObjectNode config = Json.object()
                .put("bundidEnvironment", "custom")
                .put("bundidMetadataUrl", metadataUrl)
                .put("bundidOnlineServiceId", "BMI-TEST-" + alias)
                .put("bundidOrganizationDisplayName", "Testbehörde " + alias)
                .put("bundidOptionalAttributes", "mail")
                .put("entityId", entityId);
        extra.forEach(config::put);
        ObjectNode provider = Json.object()
                .put("alias", alias)
                .put("providerId", "govid-bundid")
                .put("enabled", true);
        provider.set("config", config);
        keycloak.admin().createIdentityProvider(REALM, provider);
    }

    private static BundIdLogin login(String alias) {
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), "app", SECRET, redirectUri);
        return new BundIdLogin(new Browser(), client, redirectUri).start(Map.of("kc_idp_hint", alias));
    }

    @Test
    void redirectBindingKeepsKeycloaksOwnExtensionNextToAkdb() {
        BundIdLogin login = login("bundid-redirect");
        assertThat(login.toIdp().isRedirect()).isTrue();
        assertThat(login.toIdp().location().getPath()).endsWith("/idp/profile/SAML2/Redirect/SSO");
        assertThat(dev.govid.keycloak.harness.Urls.queryParams(login.toIdp().location()))
                .containsKeys("Signature", "SigAlg");
        Document request = SamlXml.parse(login.authnRequestXml());
        assertThat(SamlXml.elements(request, "urn:keycloak:ext:key:1.0", "KeyInfo"))
                .as("Keycloak's KeyInfo extension")
                .hasSize(1);
        assertThat(SamlXml.elements(request, SamlXml.AKDB, "AuthenticationRequest"))
                .as("akdb extension")
                .hasSize(1);
        assertThat(SamlXml.single(request, SamlXml.AKDB, "AuthenticationRequest")
                        .getParentNode())
                .isSameAs(SamlXml.single(request, "urn:keycloak:ext:key:1.0", "KeyInfo")
                        .getParentNode());

        JsonNode id = login.atIdp()
                .loginAs("erika", "eID", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("acr").asText()).isEqualTo("STORK-QAA-Level-4");
    }

    @Test
    void acceptedTemporaryLoginIsMarkedAndHasNoPersonKey() {
        JsonNode id = login("bundid-redirect")
                .atIdp()
                .loginAs("temp", "Benutzername", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("bundid").path("temporary").asBoolean()).isTrue();
        assertThat(id.path("bundid").has("bpk2")).isFalse();
        assertThat(id.path("preferred_username").asText()).startsWith("bundid-temp-");
        assertThat(id.path("acr").asText()).isEqualTo("STORK-QAA-Level-1");
    }

    @Test
    void attributeBundIdCannotDeliverEndsOnTheRequiredAttributesMessage() {
        BundIdLogin login = login("bundid-strict");
        assertThat(SamlXml.elements(SamlXml.parse(login.authnRequestXml()), SamlXml.AKDB, "RequestedAttribute").stream()
                        .filter(e -> e.getAttribute("Name").equals("urn:oid:2.5.4.20"))
                        .map(e -> e.getAttribute("RequiredAttribute")))
                .containsExactly("true");
        BundIdLogin refused = login.atIdp().loginAs("erika", "eID", "none").backToKeycloak();
        assertThat(refused.errorPageText()).contains("BundID could not provide all the data this service needs");
    }

    @Test
    void rsaSha256Aes128GcmRsaOaepSha256AndTheTableTrustVocabularyAreAcceptedToo() {
        JsonNode id = login("bundid-alt")
                .atIdp()
                .loginAs("max", "Elster", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("bundid").path("level").asText()).isEqualTo("STORK-QAA-Level-3");
        assertThat(id.path("given_name").asText()).isEqualTo("Max");
        // the simulator sent "Substantiell" (spec table); tokens carry the one canonical name
        assertThat(id.path("bundid").path("trust_levels").path("bpk2").asText()).isEqualTo("SUBSTANTIELL");
    }
}
