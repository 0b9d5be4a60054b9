package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.revisionlog.KeycloakDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data minimisation covers DigiD: the session keeps what the mappers of the login's client need. A DigiD Machtigen
 * login at a client that maps only the DigiD claims (no represents/mandate mapper) leaves the machtiginggever's BSN
 * nowhere in Keycloak's session tables, while the acting person's BSN, which the mapper puts into the token, is kept.
 */
class DigidDataMinimisationIT {

    private static final String CLIENT = "digid-minimal";

    @BeforeAll
    static void setUp() {
        DigidSetup.ready();
        var admin = SharedKeycloak.get().admin();
        admin.getJson("/" + DigidSetup.REALM + "/clients?clientId=" + CLIENT)
                .forEach(existing -> admin.delete("/" + DigidSetup.REALM + "/clients/"
                        + existing.path("id").asText()));
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "protocolMappers":[
                   {"name":"digid","protocol":"openid-connect","protocolMapper":"govid-digid-claims","config":{"id.token.claim":"true"}}]}
                """.formatted(CLIENT, DigidSetup.SECRET, SharedKeycloak.appUrl()));
        client.set(
                "attributes",
                Json.object()
                        .put("govid.representation", "optional")
                        .put("govid.mandate.profiles", "*")
                        .put("govid.mandate.mandators", "natural")
                        .put("govid.sso.confirmation", "false"));
        admin.createClient(DigidSetup.REALM, client);
    }

    @Test
    void aMachtigenLoginAtAClientWithoutARepresentsMapperKeepsNoMachtiginggeverBsn() throws Exception {
        JsonNode id = DigidLogin.forClient(CLIENT)
                .start(DigidSetup.V4)
                .actingFor(true)
                .atIdp()
                .loginAs("eva-voor-vader", "midden")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("digid").path("bsn").asText()).isEqualTo(DigidSetup.EVA);
        assertThat(id.has("represents")).isFalse();

        String stored = KeycloakDatabase.storedSession(id.path("sid").asText(), data -> data.contains("govid.login"));
        assertThat(stored).as("the session keeps the acting person's BSN").contains(DigidSetup.EVA);
        assertThat(stored).as("but not the machtiginggever's").doesNotContain(DigidSetup.KEES);
    }
}
