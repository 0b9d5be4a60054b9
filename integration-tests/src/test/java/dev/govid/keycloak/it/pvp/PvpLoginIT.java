package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** ID Austria logins for oneself on the demo realm: request, response rules, levels, test identity, metadata. */
class PvpLoginIT {

    static final String BPK = "urn:oid:1.2.40.0.10.2.1.1.149";
    private static KeycloakServer keycloak;
    private static Simulator simulator;

    @BeforeAll
    static void startServers() {
        keycloak = SharedKeycloak.get();
        simulator = SharedSimulator.get();
    }

    static String lastAssertionValue(Simulator simulator, String attribute) {
        IssuedResponse response = simulator.lastResponse().orElseThrow();
        return SamlXml.attributeValue(response.assertionXml(), attribute);
    }

    @Test
    void plainLoginGivesBpkAsPersonKeyAndEidasAcr() {
        PvpLogin login = PvpLogin.demoApp().start();
        assertThat(login.asksForRepresentation()).isTrue();
        JsonNode id = login.actingFor(false)
                .atIdp()
                .loginAs("anna")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        String bpk = lastAssertionValue(simulator, BPK);

        assertThat(bpk).startsWith("BF:");
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(id.path("given_name").asText()).isEqualTo("Anna");
        assertThat(id.path("family_name").asText()).isEqualTo("Huber");
        assertThat(id.path("birthdate").asText()).isEqualTo("1980-02-29");
        JsonNode pvp = id.path("pvp");
        assertThat(pvp.path("bpk").asText()).isEqualTo(bpk);
        assertThat(pvp.path("bpk_sector").asText()).isEqualTo("BF");
        assertThat(pvp.path("bpk_type").asText()).isEqualTo("urn:publicid:gv.at:cdid+BF");
        assertThat(pvp.path("pvp_version").asText()).isEqualTo("2.2");
        assertThat(pvp.path("level").asText()).isEqualTo("STORK-QAA-Level-4");
        assertThat(id.has("represents")).isFalse();
        assertThat(id.has("mandate")).isFalse();

        JsonNode links = keycloak.admin()
                .getJson("/" + SharedKeycloak.DEMO_REALM + "/users/"
                        + id.path("sub").asText() + "/federated-identity");
        assertThat(links.get(0).path("identityProvider").asText()).isEqualTo("idaustria");
        assertThat(links.get(0).path("userId").asText()).isEqualTo(bpk);
    }

    @Test
    void requestIsSignedAsksInTheEidasVocabularyAndListsTheAttributes() {
        String xml = PvpLogin.demoApp().start().actingFor(false).authnRequestXml();
        Document request = SamlXml.parse(xml);
        assertThat(SamlXml.elements(request, SamlXml.DS, "Signature")).isNotEmpty();
        assertThat(SamlXml.requestedAuthnContext(xml)).isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(SamlXml.single(request, SamlXml.SAMLP, "NameIDPolicy").getAttribute("Format"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        Map<String, String> requested = requested(request);
        assertThat(requested)
                .containsEntry(BPK, "true")
                .containsEntry("urn:oid:2.5.4.42", "true")
                .containsEntry("urn:oid:1.2.40.0.10.2.1.1.261.20", "true")
                .containsEntry("urn:oid:0.9.2342.19200300.100.1.3", "false")
                .doesNotContainKey("urn:oid:1.2.40.0.10.2.1.1.261.68");
    }

    @Test
    void actingOnBehalfAsksForTheMandateAttributes() {
        Map<String, String> requested = requested(
                SamlXml.parse(PvpLogin.demoApp().start().actingFor(true).authnRequestXml()));
        assertThat(requested)
                .containsEntry("urn:oid:1.2.40.0.10.2.1.1.261.68", "false")
                .containsKeys(
                        "urn:oid:1.2.40.0.10.2.1.1.261.84",
                        "urn:oid:1.2.40.0.10.2.1.1.261.98",
                        "urn:oid:1.2.40.0.10.2.1.1.261.86");
    }

    @Test
    void promptLoginIsPassedOnAsForceAuthn() {
        PvpLogin.demoApp()
                .start(Map.of("prompt", "login"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna")
                .backToKeycloak()
                .tokens();
        assertThat(simulator.lastResponse().orElseThrow().forceAuthn()).isTrue();
        String xml = PvpLogin.demoApp()
                .start(Map.of("prompt", "login"))
                .actingFor(false)
                .authnRequestXml();
        assertThat(SamlXml.parse(xml).getDocumentElement().getAttribute("ForceAuthn"))
                .isEqualTo("true");
    }

    @Test
    void testIdentityIsRefusedOnAProductionConnection() {
        PvpLogin login = PvpLogin.demoApp()
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("test-identity")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("A test identity cannot be used with this service");
    }

    @Test
    void testIdentityIsAcceptedOnATestConnection() {
        String realm = SharedKeycloak.DEMO_REALM;
        if (keycloak.admin().getJson("/" + realm + "/identity-provider/instances").findValues("alias").stream()
                .noneMatch(a -> a.asText().equals("idaustria-test"))) {
            keycloak.admin().createIdentityProvider(realm, dev.govid.keycloak.harness.Json.parse("""
                    {"alias":"idaustria-test","providerId":"govid-pvp","enabled":true,"config":{
                      "pvpMetadataUrl":"%s","pvpSector":"BF","pvpTestConnection":"true"}}
                    """.formatted(
                            simulator.pvpMetadataUrl())));
            simulator.trustSpMetadata(keycloak.realmUrl(realm) + "/broker/idaustria-test/endpoint/descriptor");
        }
        JsonNode id = PvpLogin.demoApp()
                .start(Map.of("kc_idp_hint", "idaustria-test"))
                .actingFor(false)
                .atIdp()
                .loginAs("test-identity")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("pvp").path("test_identity").asBoolean()).isTrue();
        assertThat(id.path("pvp").path("identity_status_level").asText())
                .isEqualTo("http://eid.gv.at/eID/status/testidentity");
    }

    @Test
    void levelBelowTheRequestIsRefused() {
        PvpLogin byIdp = PvpLogin.demoApp()
                .start(Map.of("acr_values", "http://eidas.europa.eu/LoA/high"))
                .actingFor(false)
                .atIdp()
                .loginAs("foreign", "substantial", "none")
                .backToKeycloak();
        assertThat(byIdp.errorPageText()).contains("requires a higher level of assurance");

        PvpLogin byProfile = PvpLogin.demoApp()
                .start(Map.of("acr_values", "http://eidas.europa.eu/LoA/high"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "understated-level")
                .backToKeycloak();
        assertThat(byProfile.errorPageText()).contains("requires a higher level of assurance");
    }

    @Test
    void responseWithOnlyTheAssertionSignedIsRefused() {
        PvpLogin login = PvpLogin.demoApp()
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "assertion-signed-only")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("was not signed as required");
    }

    @Test
    void cancelShowsTheIdAustriaMessage() {
        PvpLogin login =
                PvpLogin.demoApp().start().actingFor(false).atIdp().cancel().backToKeycloak();
        assertThat(login.errorPageText()).contains("You cancelled the login with ID Austria");
    }

    @Test
    void spMetadataListsTheRequestedAttributes() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(keycloak.realmUrl(SharedKeycloak.DEMO_REALM)
                                                + "/broker/idaustria/endpoint/descriptor"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        Document metadata = SamlXml.parse(response.body());
        Map<String, String> requested = attributeSet(metadata, 0);
        assertThat(requested).containsEntry(BPK, "true").containsEntry("urn:oid:2.5.4.42", "true");
        assertThat(SamlXml.elements(metadata, SamlXml.MD, "KeyDescriptor").stream()
                        .map(e -> e.getAttribute("use")))
                .contains("signing", "encryption");
    }

    /**
     * What a request asks for, read as ID Austria reads it: the attribute set of the SP metadata that its
     * AttributeConsumingServiceIndex names (no eidas:RequestedAttributes extension by default).
     */
    static Map<String, String> requested(Document request) {
        assertThat(SamlXml.elements(request, SamlXml.EIDAS, "RequestedAttribute"))
                .as("no eidas:RequestedAttributes extension")
                .isEmpty();
        String index = request.getDocumentElement().getAttribute("AttributeConsumingServiceIndex");
        assertThat(index).as("AttributeConsumingServiceIndex").isNotBlank();
        return attributeSet(spMetadata(), Integer.parseInt(index));
    }

    static Document spMetadata() {
        try {
            return SamlXml.parse(java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM)
                                                    + "/broker/idaustria/endpoint/descriptor"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metadata's AttributeConsumingService with that index: attribute name → isRequired. */
    static Map<String, String> attributeSet(Document metadata, int index) {
        Element service = SamlXml.elements(metadata, SamlXml.MD, "AttributeConsumingService").stream()
                .filter(e -> e.getAttribute("index").equals(Integer.toString(index)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no AttributeConsumingService " + index + " in the SP metadata"));
        Map<String, String> set = new java.util.LinkedHashMap<>();
        org.w3c.dom.NodeList requested = service.getElementsByTagNameNS(SamlXml.MD, "RequestedAttribute");
        for (int i = 0; i < requested.getLength(); i++) {
            Element attribute = (Element) requested.item(i);
            set.put(attribute.getAttribute("Name"), attribute.getAttribute("isRequired"));
        }
        return set;
    }
}
