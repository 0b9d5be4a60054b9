package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DigiD Machtigen in the one mandate model: the gemachtigde stays the subject, the machtiginggever becomes
 * {@code represents} with the BSN {@code sub_id_type}, the ServiceUUID is the mandate's type; and every representation
 * rule holds, on a fresh login and on SSO to a second client.
 */
class DigidMachtigenIT {

    private static Simulator simulator;

    @BeforeAll
    static void setUp() {
        simulator = DigidSetup.ready();
    }

    private static DigidLogin onBehalf(String clientId) {
        return DigidLogin.forClient(clientId)
                .start(DigidSetup.V4)
                .actingFor(true)
                .atIdp()
                .loginAs("eva-voor-vader", "midden")
                .backToKeycloak();
    }

    @Test
    void gemachtigdeActsForHerFatherAsRepresents() {
        JsonNode id = onBehalf("digid-machtigen-optional").tokens().idTokenClaims();
        assertThat(id.path("digid").path("bsn").asText())
                .as("the acting person stays the subject")
                .isEqualTo(DigidSetup.EVA);
        JsonNode represents = id.path("represents");
        assertThat(represents.path("sub").asText()).isEqualTo(DigidSetup.KEES);
        assertThat(represents.path("sub_id_type").asText()).isEqualTo("urn:nl-eid-gdi:1.0:id:BSN");
        JsonNode mandate = id.path("mandate");
        assertThat(mandate.path("source").asText()).isEqualTo("NL-DIGID-MACHTIGEN");
        assertThat(mandate.path("type").asText()).isEqualTo(DigidSetup.SERVICE_UUID);
        assertThat(mandate.path("mandator").path("identifier").asText()).isEqualTo(DigidSetup.KEES);
        assertThat(mandate.path("mandator").path("kind").asText()).isEqualToIgnoringCase("natural");
    }

    @Test
    void requiredRepresentationRefusesALoginForOneself() {
        DigidLogin login = DigidLogin.forClient("digid-machtigen-required").start(DigidSetup.V4);
        // With representation required GovID does not ask; the login goes to DigiD as "on behalf".
        if (login.asksForRepresentation()) {
            login.actingFor(true);
        }
        login.atIdp().loginAs("jan", "midden").backToKeycloak();
        assertThat(login.reachedClient()).isFalse();
        assertThat(login.result().status()).isNotEqualTo(500);
    }

    @Test
    void requiredRepresentationAcceptsAMachtiging() {
        DigidLogin login = DigidLogin.forClient("digid-machtigen-required").start(DigidSetup.V4);
        if (login.asksForRepresentation()) {
            login.actingFor(true);
        }
        JsonNode id = login.atIdp()
                .loginAs("eva-voor-vader", "midden")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("represents").path("sub").asText()).isEqualTo(DigidSetup.KEES);
    }

    @Test
    void representationOffRefusesAMachtiging() {
        DigidLogin login = DigidLogin.forClient("digid-machtigen-off")
                .start(DigidSetup.V4)
                .atIdp()
                .loginAs("eva-voor-vader", "midden")
                .backToKeycloak();
        assertThat(login.reachedClient()).isFalse();
    }

    @Test
    void aMandateForAnotherServiceIsRefused() {
        DigidLogin login = onBehalf("digid-machtigen-other-service");
        assertThat(login.reachedClient()).isFalse();
    }

    @Test
    void aMaximumValidityCannotBeProvenWithoutDelivedValidity() {
        DigidLogin login = onBehalf("digid-machtigen-max-validity");
        assertThat(login.reachedClient())
                .as("DigiD delivers no validity, so a maximum cannot be shown to hold")
                .isFalse();
    }

    @Test
    void optionalRepresentationForOneselfHasNoRepresents() {
        JsonNode id = DigidLogin.forClient("digid-machtigen-optional")
                .start(DigidSetup.V4)
                .actingFor(false)
                .atIdp()
                .loginAs("jan", "midden")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("digid").path("bsn").asText()).isEqualTo(DigidSetup.JAN);
        assertThat(id.has("represents")).isFalse();
    }

    @Test
    void expiredMachtigingEndsOnTheDigidRefusalPage() {
        DigidLogin login = DigidLogin.forClient("digid-machtigen-optional")
                .start(DigidSetup.V4)
                .actingFor(true)
                .atIdp()
                .loginAs("verlopen-machtiging", "midden")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("DigiD refused the login request");
    }

    @Test
    void machtigingOverTheGeneration3InterfaceIsNotSupported() {
        DigidLogin login = DigidLogin.forClient("digid-machtigen-optional")
                .start(DigidSetup.V3)
                .actingFor(true)
                .atIdp()
                .loginAs("eva-voor-vader", "midden")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("DigiD Machtigen is not available");
    }

    @Test
    void ssoToASecondClientKeepsTheMandateAndItsRules() {
        DigidLogin first = onBehalf("digid-machtigen-optional");
        first.tokens();
        DigidLogin second =
                DigidLogin.withBrowser(first.browser(), "digid-second-client").start(DigidSetup.V4);
        if (second.asksForRepresentation()) {
            second.actingFor(true);
        }
        JsonNode id = second.tokensFromCurrent().idTokenClaims();
        assertThat(id.path("represents").path("sub").asText()).isEqualTo(DigidSetup.KEES);
        assertThat(simulator.digid().lastAnswer()).isPresent();
    }

    @Test
    void ssoToAClientWithRepresentationOffDoesNotHandOverTheMandate() {
        DigidLogin first = onBehalf("digid-machtigen-optional");
        first.tokens();
        DigidLogin other =
                DigidLogin.withBrowser(first.browser(), "digid-machtigen-off").start(DigidSetup.V4);
        assertThat(other.currentReachedClient())
                .as(
                        "an SSO session on behalf of someone must not reach a client with representation off: %s",
                        other.current())
                .isFalse();
    }
}
