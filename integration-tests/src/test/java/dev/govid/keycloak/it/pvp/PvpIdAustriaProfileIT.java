package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ID Austria as it really answers (the simulator's answer variants): the level only in EID-CITIZEN-QAA-EIDAS-LEVEL,
 * levels that disagree, PVP-VERSION, EID-SECTOR-FOR-IDENTIFIER against the bPK, test identities by
 * EID-IDENTITY-STATUS-LEVEL, an expired mandate document, a mandate after "for myself", and max_age as ForceAuthn.
 * Every refusal: its page with the MOA-ID code, and a failed transaction in the revision log.
 */
class PvpIdAustriaProfileIT {

    private static final String SECRET = "idaustria-profile-secret";
    private static final String EIDAS_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.108";
    private static final String STORK_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";
    private static final String MANDATE_TYPE = "urn:oid:1.2.40.0.10.2.1.1.261.68";
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static KeycloakServer keycloak;
    private static Simulator simulator;

    @BeforeAll
    static void startServers() {
        keycloak = SharedKeycloak.get();
        simulator = SharedSimulator.get();
    }

    /** A fresh client offering representation, so the revision log's records of one test are found by its client id. */
    private static String newClient() {
        String clientId = "idaustria-profile-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime();
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "attributes":{"govid.representation":"optional","govid.mandate.profiles":"*"},
                 "protocolMappers":[
                   {"name":"pvp","protocol":"openid-connect","protocolMapper":"govid-pvp-claims","config":{"id.token.claim":"true"}},
                   {"name":"represents","protocol":"openid-connect","protocolMapper":"govid-represents","config":{"id.token.claim":"true"}}]}
                """.formatted(clientId, SECRET, SharedKeycloak.appUrl()));
        keycloak.admin().createClient(SharedKeycloak.DEMO_REALM, client);
        return clientId;
    }

    private static PvpLogin as(String clientId) {
        return PvpLogin.forClient(clientId, SECRET);
    }

    /** The page names the MOA-ID code; the revision log has the failed transaction (6303, 1103) with that code. */
    private static void refusedAndLogged(PvpLogin login, String clientId, String pageText, String moaCode) {
        assertThat(login.errorPageText()).contains(pageText, "MOA-ID " + moaCode);
        String base = "/" + SharedKeycloak.DEMO_REALM + "/govid-revision-log";
        String client = URLEncoder.encode(clientId, StandardCharsets.UTF_8);
        List<Integer> codes = new ArrayList<>();
        keycloak.admin()
                .getJson(base + "/events?clientId=" + client)
                .forEach(e -> codes.add(e.path("code").asInt()));
        assertThat(codes)
                .as("revision log of %s", clientId)
                .contains(6303)
                .endsWith(1103)
                .doesNotContain(1101);
        JsonNode statistics = keycloak.admin().getJson(base + "/statistics?clientId=" + client);
        assertThat(statistics).hasSize(1);
        assertThat(statistics.get(0).path("exceptionCode").asText()).isEqualTo(moaCode);
    }

    @Test
    void theEidasLevelAttributeIsRequestedAndALevelSourceOfItsOwn() {
        String clientId = newClient();
        Map<String, String> requested = PvpLoginIT.requested(
                SamlXml.parse(as(clientId).start().actingFor(false).authnRequestXml()));
        assertThat(requested)
                .as("ID Austria states the level in the eIDAS attribute, never in the STORK one")
                .containsKey(EIDAS_LEVEL)
                .doesNotContainKey(STORK_LEVEL);

        JsonNode id = as(clientId)
                .start(Map.of("acr_values", "http://eidas.europa.eu/LoA/high"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "eidas-level-attribute-only")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        String assertion = simulator.lastResponse().orElseThrow().assertionXml();
        assertThat(assertion)
                .as("the answer carried no STORK level and no level class reference")
                .doesNotContain(
                        STORK_LEVEL,
                        "urn:oid:1.2.40.0.10.2.1.1.261.110",
                        "STORK-QAA-Level",
                        "LoA/high</saml:AuthnContextClassRef>");
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(id.path("pvp").path("level").asText()).isEqualTo("STORK-QAA-Level-4");
        assertThat(id.path("pvp").path("qaa_eidas_level").asText()).isEqualTo("http://eidas.europa.eu/LoA/high");
    }

    @Test
    void whenTheLevelsDisagreeTheLowerCounts() {
        JsonNode id = PvpLogin.demoApp()
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "levels-disagree")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/substantial");

        String clientId = newClient();
        PvpLogin refused = as(clientId)
                .start(Map.of("acr_values", "http://eidas.europa.eu/LoA/high"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "levels-disagree")
                .backToKeycloak();
        assertThat(refused.errorPageText()).contains("requires a higher level of assurance");
    }

    @Test
    void aResponseWithoutPvpVersionIsRefused() {
        String clientId = newClient();
        PvpLogin login = as(clientId)
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "pvp-version-missing")
                .backToKeycloak();
        refusedAndLogged(login, clientId, "version of the PVP profile this service does not accept", "4400");
    }

    @Test
    void pvpVersionOneIsRefusedAndTwoOneAccepted() {
        String clientId = newClient();
        PvpLogin login = as(clientId)
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "pvp-version-1.0")
                .backToKeycloak();
        refusedAndLogged(login, clientId, "version of the PVP profile this service does not accept", "4400");

        JsonNode id = as(clientId)
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "pvp-version-2.1")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("pvp").path("pvp_version").asText()).isEqualTo("2.1");
    }

    @Test
    void aSectorForIdentifierOtherThanTheBpksIsRefused() {
        String clientId = newClient();
        PvpLogin login = as(clientId)
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "sector-mismatch")
                .backToKeycloak();
        assertThat(SamlXml.attributeValue(
                        simulator.lastResponse().orElseThrow().assertionXml(), "urn:oid:1.2.40.0.10.2.1.1.261.34"))
                .isEqualTo("urn:publicid:gv.at:cdid+GH");
        refusedAndLogged(login, clientId, "two different sectors", "4400");
    }

    @Test
    void anIdentityMarkedAsTestIdentityIsRefusedOnAProductionConnection() {
        String clientId = newClient();
        PvpLogin login = as(clientId)
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "none", "test-identity-status")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("A test identity cannot be used with this service", "MOA-ID 1111");
        JsonNode statistics = keycloak.admin()
                .getJson("/" + SharedKeycloak.DEMO_REALM + "/govid-revision-log/statistics?clientId="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        assertThat(statistics.get(0).path("exceptionCode").asText()).isEqualTo("1111");
    }

    @Test
    void aMandateWhoseDocumentHasExpiredIsRefused() {
        String clientId = newClient();
        PvpLogin login = as(clientId)
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl", "high", "none", "expired-mandate")
                .backToKeycloak();
        refusedAndLogged(login, clientId, "not valid today according to its own document", "1108");
    }

    @Test
    void aMandateAfterForMyselfIsRefused() {
        String clientId = newClient();
        PvpLogin login = as(clientId)
                .start()
                .actingFor(false)
                .atIdp()
                .loginAs("anna-for-karl", "high", "none", "mandate-unasked")
                .backToKeycloak();
        assertThat(SamlXml.attributeValue(
                        simulator.lastResponse().orElseThrow().assertionXml(), "urn:oid:1.2.40.0.10.2.1.1.261.68"))
                .as("the simulator sent the mandate unasked")
                .isNotNull();
        refusedAndLogged(login, clientId, "You said you act for yourself", "1108");
    }

    @Test
    void maxAgeForcesReAuthenticationAtIdAustria() {
        String withMaxAge = PvpLogin.demoApp()
                .start(Map.of("max_age", "60"))
                .actingFor(false)
                .authnRequestXml();
        assertThat(SamlXml.parse(withMaxAge).getDocumentElement().getAttribute("ForceAuthn"))
                .isEqualTo("true");
        String plain = PvpLogin.demoApp().start().actingFor(false).authnRequestXml();
        assertThat(SamlXml.parse(plain).getDocumentElement().getAttribute("ForceAuthn"))
                .isNotEqualTo("true");

        PvpLogin.demoApp()
                .start(Map.of("max_age", "60"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna")
                .backToKeycloak()
                .tokens();
        assertThat(simulator.lastResponse().orElseThrow().forceAuthn())
                .as("the IdP saw ForceAuthn")
                .isTrue();
    }

    @Test
    void attributesAreRequestedByAttributeConsumingServiceIndexAsIdAustriaDocuments() throws Exception {
        String xml = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(keycloak.realmUrl(SharedKeycloak.DEMO_REALM)
                                                + "/broker/idaustria/endpoint/descriptor"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        SamlMetadataSchema.validate(xml);
        org.w3c.dom.Document metadata = SamlXml.parse(xml);
        List<org.w3c.dom.Element> services = SamlXml.elements(metadata, SamlXml.MD, "AttributeConsumingService");
        assertThat(services).extracting(e -> e.getAttribute("index")).containsExactly("0", "1");
        assertThat(services.get(0).getAttribute("isDefault")).isEqualTo("true");
        Map<String, String> personal = PvpLoginIT.attributeSet(metadata, 0);
        Map<String, String> onBehalf = PvpLoginIT.attributeSet(metadata, 1);
        assertThat(personal)
                .containsEntry(PvpLoginIT.BPK, "true")
                .containsKey(EIDAS_LEVEL)
                .doesNotContainKey(MANDATE_TYPE);
        assertThat(onBehalf).containsAllEntriesOf(personal).containsEntry(MANDATE_TYPE, "false");

        String clientId = newClient();
        PvpLogin self = as(clientId).start().actingFor(false);
        org.w3c.dom.Document request = SamlXml.parse(self.authnRequestXml());
        assertThat(request.getDocumentElement().getAttribute("AttributeConsumingServiceIndex"))
                .isEqualTo("0");
        assertThat(SamlXml.elements(request, SamlXml.SAMLP, "Extensions"))
                .as("no eidas:RequestedAttributes by default")
                .isEmpty();
        self.atIdp();
        assertThat(self.page().element("#attribute-set").text())
                .as("the IdP read the index")
                .isEqualTo("0");
        assertThat(self.page().element("#mandate-requested").text()).isEqualTo("nein");
        JsonNode personalLogin =
                self.loginAs("anna-for-karl").backToKeycloak().tokens().idTokenClaims();
        assertThat(personalLogin.path("given_name").asText()).isEqualTo("Anna");
        assertThat(personalLogin.has("represents"))
                .as("the personal set carries no mandate")
                .isFalse();

        PvpLogin forKarl = as(clientId).start().actingFor(true);
        assertThat(SamlXml.parse(forKarl.authnRequestXml())
                        .getDocumentElement()
                        .getAttribute("AttributeConsumingServiceIndex"))
                .isEqualTo("1");
        forKarl.atIdp();
        assertThat(forKarl.page().element("#attribute-set").text()).isEqualTo("1");
        assertThat(forKarl.page().element("#mandate-requested").text())
                .as("the mandate set named by index 1")
                .isEqualTo("ja");
        JsonNode mandateLogin =
                forKarl.loginAs("anna-for-karl").backToKeycloak().tokens().idTokenClaims();
        assertThat(mandateLogin.path("represents").path("name").asText()).isEqualTo("Karl Huber");
    }

    @Test
    void spMetadataIsSignedWantsSignedAssertionsAndOffersOnlyPost() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(keycloak.realmUrl(SharedKeycloak.DEMO_REALM)
                                                + "/broker/idaustria/endpoint/descriptor"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        String xml = response.body();
        SamlMetadataSchema.validate(xml);

        org.w3c.dom.Document metadata = SamlXml.parse(xml);
        org.w3c.dom.Element sp = SamlXml.single(metadata, SamlXml.MD, "SPSSODescriptor");
        assertThat(sp.getAttribute("WantAssertionsSigned")).isEqualTo("true");
        assertThat(sp.getAttribute("AuthnRequestsSigned")).isEqualTo("true");
        assertThat(SamlXml.elements(metadata, SamlXml.MD, "AssertionConsumerService").stream()
                        .map(e -> e.getAttribute("Binding")))
                .containsOnly("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(SamlXml.elements(metadata, SamlXml.MD, "NameIDFormat").stream()
                        .map(org.w3c.dom.Element::getTextContent))
                .containsExactlyInAnyOrder(
                        "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                        "urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        String signingCertificate = SamlXml.elements(metadata, SamlXml.MD, "KeyDescriptor").stream()
                .filter(k -> "signing".equals(k.getAttribute("use")))
                .findFirst()
                .orElseThrow()
                .getElementsByTagNameNS(SamlXml.DS, "X509Certificate")
                .item(0)
                .getTextContent();
        assertThat(metadata.getDocumentElement().getAttribute("ID")).isNotBlank();
        assertThat(SamlXml.documentSignatureValid(
                        metadata, SamlXml.certificate(signingCertificate).getPublicKey()))
                .as("metadata signed with the SP's signing key")
                .isTrue();
    }
}
