package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** DigiD logins for oneself, both generations, each level; the requests as each generation prescribes them. */
class DigidLoginIT {

    private static KeycloakServer keycloak;
    private static Simulator simulator;

    @BeforeAll
    static void setUp() {
        keycloak = SharedKeycloak.get();
        simulator = DigidSetup.ready();
    }

    private static JsonNode login(String alias, String persona, String level, Map<String, String> params) {
        return DigidLogin.forClient("digid-app")
                .start(alias, params)
                .atIdp()
                .loginAs(persona, level)
                .backToKeycloak()
                .tokens()
                .idTokenClaims();
    }

    @Test
    void generation4LoginDecryptsTheBsnFromActingSubjectId() {
        JsonNode id = login(DigidSetup.V4, "jan", "midden", Map.of());
        assertThat(id.path("digid").path("bsn").asText()).isEqualTo(DigidSetup.JAN);
        assertThat(id.path("digid").path("bsn_type").asText()).isEqualTo("urn:nl-eid-gdi:1.0:id:BSN");
        assertThat(id.path("digid").path("digid_generation").asText()).isEqualTo("4");
        assertThat(id.path("digid").path("service_uuid").asText()).isEqualTo(DigidSetup.SERVICE_UUID);
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/low");
        assertThat(id.has("represents")).isFalse();
        assertThat(simulator.digid().lastAnswer().orElseThrow().responseXml()).doesNotContain(DigidSetup.JAN);

        JsonNode users = keycloak.admin()
                .getJson("/" + DigidSetup.REALM + "/users/" + id.path("sub").asText());
        assertThat(users.path("username").asText())
                .startsWith("digid-" + DigidSetup.V4 + "-")
                .doesNotContain(DigidSetup.JAN);
        JsonNode links = keycloak.admin()
                .getJson("/" + DigidSetup.REALM + "/users/" + id.path("sub").asText() + "/federated-identity");
        assertThat(links.get(0).path("identityProvider").asText()).isEqualTo(DigidSetup.V4);
        assertThat(links.get(0).path("userId").asText()).isEqualTo(DigidSetup.JAN);
    }

    @Test
    void generation3LoginReadsTheBsnFromTheNameId() {
        JsonNode id = login(DigidSetup.V3, "sanne", "midden", Map.of());
        assertThat(id.path("digid").path("bsn").asText()).isEqualTo("900029365");
        assertThat(id.path("digid").path("digid_generation").asText()).isEqualTo("3");
        assertThat(simulator.digid().lastAnswer().orElseThrow().responseXml()).contains("s00000000:900029365");
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/low");
    }

    @Test
    void generation3WithTheRedirectBinding() {
        JsonNode id = login(DigidSetup.V3_REDIRECT, "jan", "substantieel", Map.of());
        assertThat(id.path("digid").path("bsn").asText()).isEqualTo(DigidSetup.JAN);
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(simulator.digid().lastAnswer().orElseThrow().authnRequestXml())
                .contains("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract");
    }

    @Test
    void eachLevelOfBothGenerationsBecomesTheEidasAcr() {
        assertThat(login(DigidSetup.V4, "jan", "substantieel", Map.of())
                        .path("acr")
                        .asText())
                .isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(login(DigidSetup.V4, "jan", "hoog", Map.of()).path("acr").asText())
                .isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(login(DigidSetup.V3, "jan", "hoog", Map.of()).path("acr").asText())
                .isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(login(DigidSetup.V3, "jan", "substantieel", Map.of())
                        .path("digid")
                        .path("level")
                        .asText())
                .isEqualTo("substantieel");
    }

    @Test
    void basisIsBelowTheProvidersMinimum() {
        DigidLogin login = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V4)
                .atIdp()
                .loginAs("jan", "basis")
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("requires a more secure DigiD login");
    }

    @Test
    void acrValuesAskDigidForTheHigherLevelInTheGenerationsVocabulary() {
        DigidLogin v4 = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V4, Map.of("acr_values", "http://eidas.europa.eu/LoA/high"));
        assertThat(SamlXml.requestedAuthnContext(v4.authnRequestXml())).isEqualTo("http://eidas.europa.eu/LoA/high");
        DigidLogin v3 = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V3, Map.of("acr_values", "http://eidas.europa.eu/LoA/substantial"));
        assertThat(SamlXml.requestedAuthnContext(v3.authnRequestXml()))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard");

        DigidLogin tooLow = v4.atIdp().loginAs("jan", "substantieel").backToKeycloak();
        assertThat(tooLow.errorPageText()).contains("requires a more secure DigiD login");
    }

    @Test
    void generation4RequestNamesTheAcsAndTheServiceByIndexOnly() {
        Document request = SamlXml.parse(
                DigidLogin.forClient("digid-app").start(DigidSetup.V4).authnRequestXml());
        var root = request.getDocumentElement();
        assertThat(SamlXml.elements(request, SamlXml.DS, "Signature")).isNotEmpty();
        assertThat(root.hasAttribute("AssertionConsumerServiceURL")).isFalse();
        assertThat(root.hasAttribute("ProtocolBinding")).isFalse();
        assertThat(root.getAttribute("AssertionConsumerServiceIndex")).isEqualTo("0");
        assertThat(root.getAttribute("AttributeConsumingServiceIndex")).isEqualTo("1");
        assertThat(SamlXml.elements(request, SamlXml.SAMLP, "NameIDPolicy")).isEmpty();
    }

    @Test
    void generation3RequestAsksForTheArtifactBindingAtTheAcsUrl() {
        Document request = SamlXml.parse(
                DigidLogin.forClient("digid-app").start(DigidSetup.V3).authnRequestXml());
        var root = request.getDocumentElement();
        assertThat(SamlXml.elements(request, SamlXml.DS, "Signature")).isNotEmpty();
        assertThat(root.getAttribute("AssertionConsumerServiceURL")).endsWith("/broker/" + DigidSetup.V3 + "/endpoint");
        assertThat(root.getAttribute("ProtocolBinding"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact");
        assertThat(SamlXml.elements(request, SamlXml.DS, "SignatureMethod")
                        .get(0)
                        .getAttribute("Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    }

    @Test
    void cancelShowsTheDigidCancelPage() {
        DigidLogin login = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V4)
                .atIdp()
                .cancel()
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("You cancelled the login with DigiD");
    }

    @Test
    void cancelPageSpeaksDutch() {
        DigidLogin login = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V3, Map.of("ui_locales", "nl"))
                .atIdp()
                .cancel()
                .backToKeycloak();
        assertThat(login.errorPageText()).contains("U hebt het inloggen met DigiD geannuleerd");
    }

    @Test
    void stepUpAsksDigidAgainAtTheHigherLevel() {
        DigidLogin first = DigidLogin.forClient("digid-app")
                .start(DigidSetup.V4)
                .atIdp()
                .loginAs("jan", "midden")
                .backToKeycloak();
        assertThat(first.tokens().idTokenClaims().path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/low");

        DigidLogin sso = DigidLogin.withBrowser(first.browser(), "digid-app").start(DigidSetup.V4, Map.of());
        assertThat(sso.currentReachedClient())
                .as("SSO at the same level: %s", sso.current())
                .isTrue();

        DigidLogin stepUp = DigidLogin.withBrowser(first.browser(), "digid-app")
                .start(DigidSetup.V4, Map.of("acr_values", "http://eidas.europa.eu/LoA/high"));
        assertThat(SamlXml.requestedAuthnContext(stepUp.authnRequestXml()))
                .isEqualTo("http://eidas.europa.eu/LoA/high");
        JsonNode id =
                stepUp.atIdp().loginAs("jan", "hoog").backToKeycloak().tokens().idTokenClaims();
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/high");
    }
}
