package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile answers and artifacts: each ends on a clear page (never a 500) and never reaches the client.
 */
class DigidHostileIT {

    private static Simulator simulator;

    @BeforeAll
    static void setUp() {
        simulator = DigidSetup.ready();
    }

    private static DigidLogin withFault(String alias, String fault) {
        return DigidLogin.forClient("digid-app")
                .start(alias)
                .atIdp()
                .loginAs("jan", "midden", fault)
                .backToKeycloak();
    }

    private static void refusedClearly(DigidLogin login) {
        assertThat(login.reachedClient()).isFalse();
        assertThat(login.result().status())
                .as("%s", login.result())
                .isLessThan(600)
                .isNotEqualTo(500);
        assertThat(login.result().body()).doesNotContain("Exception").doesNotContain("at org.keycloak");
    }

    @Test
    void unsignedAnswerIsRefused() {
        DigidLogin login = withFault(DigidSetup.V4, "unsigned");
        refusedClearly(login);
        assertThat(login.errorPageText()).contains("was not signed as required");
    }

    @Test
    void artifactResponseWithOnlyTheAssertionSignedIsRefused() {
        DigidLogin login = withFault(DigidSetup.V3, "artifact-response-unsigned");
        refusedClearly(login);
        assertThat(login.errorPageText()).contains("was not signed as required");
    }

    @Test
    void tamperedAssertionIsRefused() {
        refusedClearly(withFault(DigidSetup.V4, "tampered"));
    }

    @Test
    void wrongAudienceIsRefused() {
        refusedClearly(withFault(DigidSetup.V4, "wrong-audience"));
    }

    @Test
    void wrongDestinationIsRefused() {
        refusedClearly(withFault(DigidSetup.V3, "wrong-destination"));
    }

    @Test
    void wrongServiceUuidIsRefused() {
        DigidLogin login = withFault(DigidSetup.V4, "wrong-service-uuid");
        refusedClearly(login);
        assertThat(login.errorPageText()).contains("meant for another service");
    }

    @Test
    void artifactResponseToAnotherResolveIsRefused() {
        DigidLogin login = withFault(DigidSetup.V4, "wrong-in-response-to");
        refusedClearly(login);
        assertThat(login.errorPageText()).contains("could not be used");
    }

    @Test
    void artifactOlderThanFifteenMinutesIsRefused() {
        DigidLogin login = withFault(DigidSetup.V4, "artifact-old");
        refusedClearly(login);
        assertThat(login.errorPageText()).contains("could not be used");
    }

    @Test
    void artifactResolvedTwiceIsRefusedTheSecondTime() {
        DigidLogin login = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V4)
                .atIdp()
                .loginAs("jan", "midden")
                .backToKeycloak();
        login.tokens();
        int before = simulator.digid().resolutions();
        Page replay = login.browser().get(login.artifactUrl());
        assertThat(replay.status()).isBetween(400, 499);
        assertThat(replay.text()).contains("could not be used");
        assertThat(simulator.digid().resolutions())
                .as("resolved at DigiD, which answered without a message")
                .isEqualTo(before + 1);
    }

    @Test
    void junkAndForeignArtifactsNeverReachTheBackChannel() {
        DigidLogin login =
                DigidLogin.forClient("digid-app").start(DigidSetup.V4).atIdp().loginAs("jan", "midden");
        String url = login.artifactUrl();
        String artifact = dev.govid.keycloak.harness.Urls.queryParams(java.net.URI.create(url))
                .get("SAMLart");
        byte[] raw = Base64.getDecoder().decode(artifact);
        raw[10] ^= 1;
        int before = simulator.digid().resolutions();
        Page foreign = login.browser()
                .get(url.replace(
                        urlEncode(artifact), urlEncode(Base64.getEncoder().encodeToString(raw))));
        Page junk = login.browser().get(url.replace(urlEncode(artifact), "not-an-artifact%3C%3E"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(junk.status()).isEqualTo(400);
        assertThat(foreign.text()).contains("could not be used");
        assertThat(simulator.digid().resolutions()).isEqualTo(before);
    }

    @Test
    void aResponsePostedInsteadOfAnArtifactIsRefused() {
        DigidLogin login =
                DigidLogin.forClient("digid-app").start(DigidSetup.V3).atIdp().loginAs("jan", "midden");
        String responseXml = simulator.digid().lastAnswer().orElseThrow().responseXml();
        String relayState = dev.govid.keycloak.harness.Urls.queryParams(java.net.URI.create(login.artifactUrl()))
                .get("RelayState");
        Page posted = login.browser()
                .post(
                        SharedKeycloak.get().realmUrl(DigidSetup.REALM) + "/broker/" + DigidSetup.V3 + "/endpoint",
                        Map.of(
                                "SAMLResponse",
                                Base64.getEncoder()
                                        .encodeToString(responseXml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                "RelayState",
                                relayState));
        assertThat(posted.status()).as("%s", posted).isBetween(400, 499);
        assertThat(posted.isRedirect() && posted.location().toString().startsWith(SharedKeycloak.appUrl()))
                .isFalse();
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
