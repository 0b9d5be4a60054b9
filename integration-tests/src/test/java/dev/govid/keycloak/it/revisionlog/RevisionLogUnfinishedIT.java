package dev.govid.keycloak.it.revisionlog;

import static dev.govid.keycloak.it.revisionlog.RevisionLogApi.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A login's events wait in its authentication session until the login ends. This realm's authentication
 * sessions live 2 seconds, and the shared Keycloak looks for expired ones every 2 seconds, so an attempt left at
 * the eID system is written as an ended-by-error transaction within seconds — and a finished login is not
 * written a second time.
 */
class RevisionLogUnfinishedIT {
    private static final String REALM = "revlog-unfinished";
    private static final String SECRET = "revlog-unfinished-secret";
    private static final List<Integer> FULL_LOGIN =
            List.of(1100, 1102, 3000, 4000, 6300, 6301, 6302, 6304, 5002, 1000, 1002, 4001, 1101);
    private static KeycloakServer keycloak;
    private static String redirectUri;

    @BeforeAll
    static void createRealm() {
        keycloak = SharedKeycloak.get();
        Simulator simulator = SharedSimulator.get();
        redirectUri = SharedKeycloak.appUrl() + "/unfinished";
        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,"accessCodeLifespan":2,"accessCodeLifespanLogin":2,"accessCodeLifespanUserAction":2,
                 "attributes":{"govid.revisionlog.enabled":"true","govid.revisionlog.events":"all"},
                 "clients":[{"clientId":"app","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s"]}]}
                """.formatted(REALM, SECRET, redirectUri)));
        keycloak.admin().createIdentityProvider(REALM, Json.parse("""
                {"alias":"bundid","providerId":"govid-bundid","enabled":true,"config":{
                  "syncMode":"FORCE","bundidEnvironment":"custom","bundidMetadataUrl":"%s",
                  "bundidOnlineServiceId":"BMI-UNFINISHED","bundidOrganizationDisplayName":"Unfinished logins",
                  "bundidRequiredAttributes":"givenName##surname","bundidOptionalAttributes":"mail"}}
                """.formatted(simulator.metadataUrl())));
        simulator.trustSpMetadata(keycloak.realmUrl(REALM) + "/broker/bundid/endpoint/descriptor");
    }

    @AfterAll
    static void removeRealm() {
        keycloak.admin().deleteRealm(REALM);
    }

    private static EidLogin login() {
        return new EidLogin(
                new Browser(), new OidcClient(keycloak.realmUrl(REALM), "app", SECRET, redirectUri), redirectUri);
    }

    @Test
    void anAttemptLeftAtTheEidSystemIsWrittenWhenItsAuthenticationSessionExpires() throws Exception {
        RevisionLogApi api = new RevisionLogApi(keycloak, REALM);
        String finishedSession = login().start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims()
                .path("sid")
                .asText();
        // The person is sent to BundID and never comes back.
        assertThat(login().start("bundid").page().body()).contains("SAMLRequest");

        JsonNode abandoned = null;
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (abandoned == null && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            for (JsonNode event : api.json("/events?max=1000")) {
                if (event.path("code").asInt() == 1103) {
                    abandoned = event;
                }
            }
        }
        assertThat(abandoned)
                .as("the abandoned attempt is written once its authentication session expired")
                .isNotNull();
        JsonNode transaction = api.json("/events?transactionId="
                + RevisionLogApi.enc(abandoned.path("transactionId").asText()));
        assertThat(codes(transaction)).containsExactly(1100, 1102, 3000, 4000, 6300, 6301, 1103);
        assertThat(codes(api.eventsOfSession(finishedSession)))
                .as("the finished login, written once")
                .containsExactlyElementsOf(FULL_LOGIN);

        JsonNode statistics = api.json("/statistics?max=100");
        assertThat(statistics).hasSize(2);
        List<String> exceptions = new java.util.ArrayList<>();
        statistics.forEach(record -> exceptions.add(record.path("exceptionType").asText()));
        assertThat(exceptions).containsExactlyInAnyOrder("", "Abandoned");
        assertThat(api.verify().path("valid").asBoolean()).isTrue();
    }
}
