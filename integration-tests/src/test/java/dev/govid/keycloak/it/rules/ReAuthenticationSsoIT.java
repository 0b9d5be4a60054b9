package dev.govid.keycloak.it.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code max_age} on the SSO path: a session older than the application allows is not reused, and the fresh
 * login Keycloak then starts tells ID Austria not to answer from its own session either ({@code ForceAuthn}).
 */
class ReAuthenticationSsoIT {

    private static Simulator simulator;

    @BeforeAll
    static void startServers() {
        SharedKeycloak.get();
        simulator = SharedSimulator.get();
    }

    @Test
    void maxAgeShorterThanTheSessionLogsInAgainAtIdAustriaWithForceAuthn() throws InterruptedException {
        SsoPerson person = new SsoPerson();
        person.loginWithIdAustria(SharedKeycloak.DEMO_CLIENT_ID, false, "anna");
        assertThat(simulator.lastResponse().orElseThrow().forceAuthn())
                .as("first login: no max_age")
                .isFalse();

        Thread.sleep(2_100);
        SsoPerson.Attempt again =
                person.visit(SharedKeycloak.DEMO_CLIENT_ID, Map.of("kc_idp_hint", "idaustria", "max_age", "1"));
        assertThat(again.reachedClient())
                .as("the session is older than max_age")
                .isFalse();
        person.finishIdAustria(again.page(), false, "anna");
        assertThat(simulator.lastResponse().orElseThrow().forceAuthn())
                .as("ID Austria was asked to authenticate again")
                .isTrue();
    }
}
