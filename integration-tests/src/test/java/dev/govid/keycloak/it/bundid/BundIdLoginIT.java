package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the shipped demo realm: OIDC client → Keycloak → BundID provider → simulator (a second
 * SAML stack: JDK XML + Santuario) → Keycloak → code → tokens.
 */
class BundIdLoginIT {

    private static KeycloakServer keycloak;
    private static Simulator simulator;

    @BeforeAll
    static void startServers() {
        keycloak = SharedKeycloak.get();
        simulator = SharedSimulator.get();
    }

    static BundIdLogin newLogin() {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient client = new OidcClient(
                SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM),
                SharedKeycloak.DEMO_CLIENT_ID,
                SharedKeycloak.demoClientSecret(),
                redirectUri);
        return new BundIdLogin(new Browser(), client, redirectUri);
    }

    @Test
    void eidCardLoginGivesBundIdClaimsHighAcrAndBpk2AsBrokeredUserId() {
        TokenResponse tokens = newLogin()
                .start()
                .atIdp()
                .loginAs("erika", "eID", "none")
                .backToKeycloak()
                .tokens();
        String bpk2 = SamlXml.attributeValue(lastAssertion(), "urn:oid:1.3.6.1.4.1.25484.494450.3");

        JsonNode id = tokens.idTokenClaims();
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(id.path("given_name").asText()).isEqualTo("Erika");
        assertThat(id.path("family_name").asText()).isEqualTo("Mustermann");
        assertThat(id.path("email").asText()).isEqualTo("erika.mustermann@example.org");
        assertThat(id.path("birthdate").asText()).isEqualTo("1964-08-12");
        assertThat(id.path("address").path("locality").asText()).isEqualTo("Köln");
        JsonNode bundid = id.path("bundid");
        assertThat(bundid.path("bpk2").asText()).isEqualTo(bpk2);
        assertThat(bundid.path("level").asText()).isEqualTo("STORK-QAA-Level-4");
        assertThat(bundid.path("method").asText()).isEqualTo("eID");
        assertThat(bundid.path("trust_levels").path("given_name").asText()).isEqualTo("HOCH");
        assertThat(bundid.path("trust_levels").path("email").asText()).isEqualTo("NORMAL");
        assertThat(bundid.has("temporary")).isFalse();
        assertThat(tokens.accessTokenClaims().path("bundid").path("bpk2").asText())
                .isEqualTo(bpk2);

        JsonNode links = keycloak.admin()
                .getJson("/" + SharedKeycloak.DEMO_REALM + "/users/"
                        + id.path("sub").asText() + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("identityProvider").asText()).isEqualTo("bundid");
        assertThat(links.get(0).path("userId").asText()).isEqualTo(bpk2);
        assertThat(id.path("preferred_username").asText()).startsWith("bundid-").doesNotContain(bpk2);
    }

    @Test
    void returningPersonKeepsTheSameAccountAndLevelFollowsTheMethod() {
        JsonNode first = newLogin()
                .start()
                .atIdp()
                .loginAs("max", "Elster", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        JsonNode second = newLogin()
                .start()
                .atIdp()
                .loginAs("max", "Elster", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(second.path("sub").asText()).isEqualTo(first.path("sub").asText());
        assertThat(first.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(second.path("bundid").path("method").asText()).isEqualTo("Elster");
        assertThat(second.path("bundid").path("trust_levels").path("bpk2").asText())
                .isEqualTo("SUBSTANTIELL");
    }

    @Test
    void clientAskingForStorkNamesGetsThemAsAcr() {
        JsonNode id = newLogin()
                .start(Map.of("acr_values", "STORK-QAA-Level-3"))
                .atIdp()
                .loginAs("max", "Elster", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("acr").asText()).isEqualTo("STORK-QAA-Level-3");
    }

    @Test
    void levelFourClientRefusesAnAssertionBelowLevelFour() {
        BundIdLogin login = newLogin()
                .start(Map.of("acr_values", "STORK-QAA-Level-4"))
                .atIdp()
                .loginAs("erika", "eID", "understated-level")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("requires a higher level of assurance");
    }

    @Test
    void levelFourRequestOffersOnlyLevelFourMethodsAtTheIdp() {
        BundIdLogin login =
                newLogin().start(Map.of("acr_values", "STORK-QAA-Level-4")).atIdp();
        assertThat(login.idpPage().document().select("input[name=method]").eachAttr("value"))
                .containsOnly("eID", "eIDAS");
    }

    @Test
    void idpRefusingTheLevelEndsOnTheLevelMessage() {
        // jan's eIDAS login is 'substantial'; the simulator answers NoAuthnContext to a level-4 request
        BundIdLogin login = newLogin()
                .start(Map.of("acr_values", "STORK-QAA-Level-4"))
                .atIdp()
                .loginAs("jan", "eIDAS", "none")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("requires a higher level of assurance");
    }

    @Test
    void stepUpFromAnSsoSessionAtLevelThreeGoesBackToBundIdForLevelFour() {
        Browser browser = new Browser();
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient client = new OidcClient(
                keycloak.realmUrl(SharedKeycloak.DEMO_REALM),
                SharedKeycloak.DEMO_CLIENT_ID,
                SharedKeycloak.demoClientSecret(),
                redirectUri);
        new BundIdLogin(browser, client, redirectUri)
                .start()
                .atIdp()
                .loginAs("max", "Elster", "none")
                .backToKeycloak()
                .tokens();

        BundIdLogin stepUp =
                new BundIdLogin(browser, client, redirectUri).start(Map.of("acr_values", "STORK-QAA-Level-4"));
        assertThat(SamlXml.requestedAuthnContext(stepUp.authnRequestXml())).isEqualTo("STORK-QAA-Level-4");
        JsonNode id = stepUp.atIdp()
                .loginAs("max", "eID", "none")
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
        assertThat(id.path("acr").asText()).isEqualTo("STORK-QAA-Level-4");
        assertThat(id.path("bundid").path("method").asText()).isEqualTo("eID");
    }

    @Test
    void cancelAtBundIdShowsALocalizedRetryPage() {
        BundIdLogin login = newLogin().start().atIdp().cancel().backToKeycloak();
        assertThat(login.errorPageText()).contains("You cancelled the login with BundID");
        assertThat(login.result().document().select("a#social-bundid, a[href*=/broker/bundid/login]"))
                .as("retry button")
                .isNotEmpty();

        Browser german = new Browser().acceptLanguage("de");
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient client = new OidcClient(
                keycloak.realmUrl(SharedKeycloak.DEMO_REALM),
                SharedKeycloak.DEMO_CLIENT_ID,
                SharedKeycloak.demoClientSecret(),
                redirectUri);
        BundIdLogin deutsch = new BundIdLogin(german, client, redirectUri)
                .start()
                .atIdp()
                .cancel()
                .backToKeycloak();
        assertThat(deutsch.errorPageText()).contains("Sie haben die Anmeldung mit der BundID abgebrochen");
    }

    @Test
    void temporaryLoginWithoutBpk2IsRefusedByDefault() {
        BundIdLogin login = newLogin()
                .start()
                .atIdp()
                .loginAs("temp", "Benutzername", "none")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("temporary login without a BundID account cannot be used");
    }

    private static String lastAssertion() {
        IssuedResponse response = simulator.lastResponse().orElseThrow();
        return response.assertionXml();
    }
}
