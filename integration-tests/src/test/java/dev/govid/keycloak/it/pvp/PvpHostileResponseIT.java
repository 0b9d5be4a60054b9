package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The XML attack and broken-response cases of the BundID profile, for the ID Austria profile, mandate login included. */
class PvpHostileResponseIT {

    @BeforeAll
    static void startServers() {
        SharedKeycloak.get();
        SharedSimulator.get();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tampered-signature    | Invalid signature in response from identity provider",
                "unsigned              | Invalid signature in response from identity provider",
                "plain-assertion       | The answer from ID Austria was not encrypted as required",
                "expired               | has expired",
                "wrong-audience        | Login timeout",
                "wrong-destination     | Invalid Request",
                "xxe                   | The answer from ID Austria could not be read",
                "entity-expansion      | The answer from ID Austria could not be read",
                "assertion-signed-only | was not signed as required",
            })
    void faultyMandateResponseIsRefused(String fault, String expectedMessage) {
        PvpLogin login = PvpLogin.demoApp()
                .start()
                .actingFor(true)
                .atIdp()
                .loginAs("anna-for-karl", "high", fault)
                .backToKeycloak();
        assertRefused(login.result(), expectedMessage);
    }

    @Test
    void replayedResponseIsRefused() {
        PvpLogin login = PvpLogin.demoApp().start().actingFor(false).atIdp().loginAs("anna");
        Map<String, String> form = login.responseForm();
        String acs = login.acsUrl();
        login.backToKeycloak().tokens();
        assertRefused(new Browser().post(acs, form), null);
    }

    static void assertRefused(Page page, String expectedMessage) {
        boolean reachedClient = page.isRedirect() && page.location().toString().startsWith(SharedKeycloak.appUrl());
        assertThat(reachedClient)
                .as("refused response must not reach the client: %s", page)
                .isFalse();
        assertThat(page.status()).as("status of %s", page).isIn(200, 400, 401, 403, 413);
        assertThat(page.body()).doesNotContain("Exception", "at org.keycloak", "at dev.govid");
        if (expectedMessage != null) {
            assertThat(page.text()).contains(expectedMessage);
        }
    }
}
