package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DigiD logins in the revision log like the other profiles' (request, response, pseudonymised person, mandate) and
 * in the statistics, without a BSN anywhere.
 */
class DigidRevisionLogIT {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void setUp() {
        keycloak = SharedKeycloak.get();
        DigidSetup.ready();
        DigidSetup.client("digid-revlog", "optional", "*", null);
    }

    private static JsonNode api(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + DigidSetup.REALM
                                        + "/govid-revision-log" + pathAndQuery))
                                .header("Authorization", "Bearer " + keycloak.adminToken())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static List<Integer> codes(JsonNode events) {
        List<Integer> codes = new ArrayList<>();
        events.forEach(e -> codes.add(e.path("code").asInt()));
        return codes;
    }

    @Test
    void machtigenLoginIsLoggedPseudonymisedAndCounted() throws Exception {
        JsonNode id = DigidLogin.forClient("digid-revlog")
                .start(DigidSetup.V4)
                .actingFor(true)
                .atIdp()
                .loginAs("eva-voor-vader", "midden")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        JsonNode events =
                api("/events?sessionId=" + URLEncoder.encode(id.path("sid").asText(), StandardCharsets.UTF_8));
        assertThat(codes(events)).contains(6300, 6301, 6302, 5002, 5100, 5101, 5102);
        String everything = events.toString() + api("/statistics?clientId=digid-revlog");
        assertThat(everything).doesNotContain(DigidSetup.EVA).doesNotContain(DigidSetup.KEES);
        for (JsonNode event : events) {
            if (event.path("code").asInt() == 5002 || event.path("code").asInt() == 5102) {
                // Keyed pseudonyms of the BSNs (the realm default); never the three empty name fields.
                assertThat(Json.parse(event.path("value").asText()).fieldNames())
                        .toIterable()
                        .containsExactly("hmac", "kid");
            }
        }
        JsonNode statistics = api("/statistics?clientId=digid-revlog");
        assertThat(statistics).isNotEmpty();
        assertThat(statistics.get(statistics.size() - 1).path("isMandateLogin").asBoolean())
                .isTrue();
    }

    @Test
    void cancelIsLoggedAsAFailedDigidLogin() throws Exception {
        DigidLogin.forClient("digid-revlog")
                .start(DigidSetup.V4)
                .actingFor(false)
                .atIdp()
                .cancel()
                .backToKeycloak();
        JsonNode statistics = api("/statistics?clientId=digid-revlog");
        assertThat(statistics.toString()).contains("cancelled");
    }
}
