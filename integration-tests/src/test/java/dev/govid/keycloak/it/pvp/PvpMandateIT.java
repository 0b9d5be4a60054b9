package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logins on behalf of someone else: the natural, legal and professional-representative cases with the
 * tokens they produce, and every per-client rule refusing what it must (with its MOA-ID meaning).
 */
class PvpMandateIT {

    private static final String SECRET = "mandate-rules-secret";
    private static KeycloakServer keycloak;
    private static Simulator simulator;

    @BeforeAll
    static void createRuleClients() {
        keycloak = SharedKeycloak.get();
        simulator = SharedSimulator.get();
        client(
                "rules-required",
                "required",
                "GeneralvollmachtBilateral##Vertretungsbefugnis",
                "natural##legal",
                null,
                false);
        client("rules-company-only", "optional", "Vertretungsbefugnis", "natural##legal", null, false);
        client("rules-natural-only", "optional", "*", "natural", null, false);
        client("rules-no-profiles", "optional", "", "natural##legal", null, false);
        client("rules-private", "optional", "*", "natural##legal", null, true);
        client("rules-short-validity", "optional", "*", "natural##legal", "365", false);
        client("rules-off", "off", "*", "natural##legal", null, false);
    }

    private static void client(
            String clientId, String mode, String profiles, String mandators, String maxDays, boolean privateSector) {
        String realm = SharedKeycloak.DEMO_REALM;
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        ObjectNode attributes = Json.object()
                .put("govid.representation", mode)
                .put("govid.mandate.profiles", profiles)
                .put("govid.mandate.mandators", mandators)
                .put("govid.privateSector", String.valueOf(privateSector));
        if (maxDays != null) {
            attributes.put("govid.mandate.maxValidityDays", maxDays);
        }
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "protocolMappers":[
                   {"name":"pvp","protocol":"openid-connect","protocolMapper":"govid-pvp-claims","config":{"id.token.claim":"true"}},
                   {"name":"represents","protocol":"openid-connect","protocolMapper":"govid-represents","config":{"id.token.claim":"true","mandate.full":"true"}}]}
                """.formatted(clientId, SECRET, SharedKeycloak.appUrl()));
        client.set("attributes", attributes);
        keycloak.admin().createClient(realm, client);
    }

    private static PvpLogin as(String clientId) {
        return PvpLogin.forClient(clientId, SECRET);
    }

    @Test
    void naturalMandatorBecomesRepresents() {
        JsonNode id = PvpLogin.demoApp()
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        String karlBpk = PvpLoginIT.lastAssertionValue(simulator, "urn:oid:1.2.40.0.10.2.1.1.261.98");
        String annaBpk = PvpLoginIT.lastAssertionValue(simulator, PvpLoginIT.BPK);

        assertThat(id.path("given_name").asText())
                .as("the acting person stays the subject")
                .isEqualTo("Anna");
        assertThat(id.path("pvp").path("bpk").asText()).isEqualTo(annaBpk);
        JsonNode represents = id.path("represents");
        assertThat(represents.path("sub").asText()).isEqualTo(karlBpk);
        assertThat(represents.path("sub_id_type").asText()).isEqualTo("urn:publicid:gv.at:cdid+BF");
        assertThat(represents.path("name").asText()).isEqualTo("Karl Huber");
        JsonNode mandate = id.path("mandate");
        assertThat(mandate.path("source").asText()).isEqualTo("AT-PVP");
        assertThat(mandate.path("type").asText()).isEqualTo("GeneralvollmachtBilateral");
        assertThat(mandate.path("type_oid").asText()).isEqualTo("1.2.40.0.10.1.8.1.1");
        assertThat(mandate.path("reference_value").asText()).isEqualTo("MVR-2026-000123");
        assertThat(mandate.path("mandator").path("kind").asText()).isEqualTo("natural");
        assertThat(mandate.path("mandator").path("birthdate").asText()).isEqualTo("1950-06-15");
        assertThat(mandate.path("valid_from").asText()).isEqualTo("2026-01-01");
        assertThat(mandate.path("valid_to").asText()).isEqualTo("2027-12-31");
        assertThat(mandate.has("full_mandate"))
                .as("demo app does not ask for the full document")
                .isFalse();
    }

    @Test
    void legalMandatorIsRepresentedByItsRegisterNumber() {
        JsonNode id = as("rules-company-only")
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-company")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("represents").path("sub").asText()).isEqualTo("123456a");
        assertThat(id.path("represents").path("sub_id_type").asText()).isEqualTo("urn:publicid:gv.at:baseid+XFN");
        assertThat(id.path("represents").path("name").asText()).isEqualTo("Musterfirma GmbH");
        assertThat(id.path("mandate").path("mandator").path("kind").asText()).isEqualTo("legal");
        assertThat(id.path("mandate").path("full_mandate").asText())
                .as("client asked for the full document")
                .isNotBlank();
    }

    @Test
    void professionalRepresentativeCarriesTheOfficeOid() {
        JsonNode id = PvpLogin.demoApp()
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("lawyer")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("mandate")
                        .path("professional_representative")
                        .path("oid")
                        .asText())
                .isEqualTo("1.2.40.0.10.3.1");
        assertThat(id.path("mandate")
                        .path("professional_representative")
                        .path("description")
                        .asText())
                .isEqualTo("Rechtsanwalt");
        assertThat(id.path("represents").path("name").asText()).isEqualTo("Maria Schmidt");
    }

    @Test
    void representationRequiredSkipsTheQuestionAndRefusesALoginWithoutMandate() {
        PvpLogin login = as("rules-required").start();
        assertThat(login.asksForRepresentation()).isFalse();
        assertThat(PvpLoginIT.requested(dev.govid.keycloak.it.SamlXml.parse(login.authnRequestXml())))
                .containsKey("urn:oid:1.2.40.0.10.2.1.1.261.68");
        PvpLogin refused = login.atIdp().loginAs("anna").backToKeycloak();
        assertThat(refused.errorPageText()).contains("can only be used on behalf of someone else", "1108");
    }

    @Test
    void mandateTypeNotAcceptedIsRefused() {
        PvpLogin login = as("rules-company-only")
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("not accepted by this service", "1108");
    }

    @Test
    void legalMandatorWhereOnlyNaturalIsAllowedIsRefused() {
        PvpLogin login = as("rules-natural-only")
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-company")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("not accepted by this service", "1108");
    }

    @Test
    void mandateValidLongerThanAllowedIsRefused() {
        PvpLogin login = as("rules-short-validity")
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("not accepted by this service", "1108");
    }

    @Test
    void noMandateProfilesMeans9006() {
        PvpLogin login = as("rules-no-profiles")
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("9006");
    }

    @Test
    void privateSectorClientsCannotUseMandates1006() {
        PvpLogin login = as("rules-private")
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("1006");
    }

    @Test
    void clientWithoutRepresentationNeverAsksAndRefusesAMandate() {
        PvpLogin login = as("rules-off").start();
        assertThat(login.asksForRepresentation()).isFalse();
        JsonNode id = login.atIdp().loginAs("anna").backToKeycloak().tokens().idTokenClaims();
        assertThat(id.has("represents")).isFalse();
    }

    @Test
    void refusedMandatePageOffersARetry() {
        PvpLogin login = PvpLogin.forClient("rules-company-only", SECRET)
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl")
                .backToKeycloak();
        assertThat(login.result().document().select("a[href*=/broker/idaustria/login]"))
                .as("ID Austria button to try again")
                .isNotEmpty();
    }
}
