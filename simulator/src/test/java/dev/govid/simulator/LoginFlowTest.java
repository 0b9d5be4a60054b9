package dev.govid.simulator;

import static dev.govid.simulator.support.AuthnRequests.BPK2;
import static dev.govid.simulator.support.AuthnRequests.GIVEN_NAME;
import static dev.govid.simulator.support.AuthnRequests.MAIL;
import static dev.govid.simulator.support.AuthnRequests.POSTAL_ADDRESS;
import static dev.govid.simulator.support.AuthnRequests.PROVED_BY;
import static dev.govid.simulator.support.AuthnRequests.QAA_LEVEL;
import static dev.govid.simulator.support.AuthnRequests.SURNAME;
import static dev.govid.simulator.support.SimulatorFixture.IDP;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.ResponseInspector;
import dev.govid.simulator.support.SimulatorFixture;
import dev.govid.simulator.support.TestServiceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LoginFlowTest {
    private static Simulator sim;
    private static BrowserClient browser;

    @BeforeAll
    static void start() {
        sim = SimulatorFixture.start();
        browser = new BrowserClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String signedRequest(String id, String extension, String authnContext) {
        return AuthnRequests.signEnveloped(
                AuthnRequests.xml(id, SP.entityId(), sim.ssoPostUrl(), extension, authnContext), SP);
    }

    private static String openLoginPage(String id, String extension, String authnContext) {
        HttpResponse<String> page = browser.postAuthnRequest(signedRequest(id, extension, authnContext), "relay-123");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void metadataDescribesTheIdp() {
        HttpResponse<String> metadata = browser.get("/idp/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/samlmetadata+xml"));
        assertThat(metadata.body())
                .contains("entityID=\"" + sim.entityId() + "\"")
                .contains("WantAuthnRequestsSigned=\"true\"")
                .contains("use=\"signing\"")
                .contains("Location=\"" + sim.baseUrl() + "/idp/profile/SAML2/POST/SSO\"")
                .contains("Location=\"" + sim.baseUrl() + "/idp/profile/SAML2/Redirect/SSO\"");
        assertThat(sim.metadataUrl()).isEqualTo(sim.baseUrl() + "/idp/metadata");
        assertThat(sim.signingCertificate()).isEqualTo(IDP.certificate());
    }

    @Test
    void healthAnswersOk() {
        HttpResponse<String> health = browser.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");
    }

    @Test
    void loginPageOffersPersonasMethodsAndFaults() {
        String page = openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), "");
        assertThat(page)
                .contains("<html lang=\"de\">")
                .contains("value=\"erika\"", "value=\"max\"", "value=\"temp\"", "value=\"jan\"")
                .contains("Erika Mustermann", "Temporärer Login")
                .contains("name=\"method\" id=\"method-eID\" value=\"eID\"")
                .contains("name=\"method\" id=\"method-Elster\" value=\"Elster\"")
                .doesNotContain("value=\"FINK\"")
                .contains("<select name=\"fault\" id=\"fault\">", "<option value=\"none\" selected>")
                .contains("value=\"tampered-signature\"", "value=\"entity-expansion\"")
                .contains("name=\"action\" value=\"login\"", "name=\"action\" value=\"cancel\"")
                .contains("<label for=\"fault\">Test scenario</label>")
                .contains("<label for=\"persona-erika\">")
                .contains("Stadt Musterhausen", "99000001234567", "Antrag auf Anwohnerparkausweis")
                .contains("href=\"https://sp.example.test/back\">Zurück zum Online-Dienst</a>")
                .contains("action=\"/idp/login\"");
        assertThat(BrowserClient.transactionId(page)).isNotBlank();
    }

    @Test
    void successfulLoginReleasesExactlyTheRequestedAttributes() {
        String requestId = AuthnRequests.newId();
        String tx = BrowserClient.transactionId(openLoginPage(requestId, AuthnRequests.defaultExtension(), ""));
        HttpResponse<String> post = browser.login(tx, "erika", "eID", "none", "login");

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(BrowserClient.formAction(post.body())).isEqualTo(TestServiceProvider.ACS_URL);
        assertThat(BrowserClient.relayState(post.body())).isEqualTo("relay-123");
        assertThat(post.body()).contains("<noscript>").contains(".submit()");

        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(post.body()));
        Element root = response.response();
        assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(root.getAttribute("InResponseTo")).isEqualTo(requestId);
        assertThat(root.getAttribute("Destination")).isEqualTo(TestServiceProvider.ACS_URL);
        assertThat(root.getAttribute("Version")).isEqualTo("2.0");
        assertThat(response.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        // Schema order: Issuer, Signature, Status, EncryptedAssertion
        assertThat(localNames(root)).containsExactly("Issuer", "Signature", "Status", "EncryptedAssertion");
        assertThat(response.assertion()).as("assertion must be encrypted").isNull();

        response.decryptAssertion(SP.privateKey());
        assertThat(response.text(ResponseInspector.SAML, "Audience")).isEqualTo(SP.entityId());
        assertThat(response.text(ResponseInspector.SAML, "AuthnContextClassRef"))
                .isEqualTo("STORK-QAA-Level-4");
        assertThat(response.first(ResponseInspector.SAML, "NameID").getAttribute("Format"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        Element confirmationData = response.first(ResponseInspector.SAML, "SubjectConfirmationData");
        assertThat(confirmationData.getAttribute("Recipient")).isEqualTo(TestServiceProvider.ACS_URL);
        assertThat(confirmationData.getAttribute("InResponseTo")).isEqualTo(requestId);

        Map<String, String> attributes = response.attributes();
        assertThat(attributes.keySet())
                .containsExactly(BPK2, GIVEN_NAME, SURNAME, MAIL, POSTAL_ADDRESS, QAA_LEVEL, PROVED_BY);
        assertThat(attributes)
                .containsEntry(GIVEN_NAME, "Erika")
                .containsEntry(SURNAME, "Mustermann")
                .containsEntry(MAIL, "erika.mustermann@example.org")
                .containsEntry(POSTAL_ADDRESS, "Heidestraße 17")
                .containsEntry(QAA_LEVEL, "STORK-QAA-Level-4")
                .containsEntry(PROVED_BY, "eID");
        assertThat(attributes.get(BPK2)).hasSize(44);
        assertThat(response.trustLevels()).containsEntry(GIVEN_NAME, "HOCH").containsEntry(MAIL, "NORMAL");
        Element anAttribute = response.first(ResponseInspector.SAML, "Attribute");
        assertThat(anAttribute.getAttribute("NameFormat")).isEqualTo("urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
        assertThat(anAttribute.getAttribute("FriendlyName")).isEqualTo("bPK2");

        assertThat(sim.lastResponse(tx)).hasValueSatisfying(r -> {
            assertThat(r.responseXml()).isEqualTo(BrowserClient.samlResponseXml(post.body()));
            assertThat(r.assertionXml()).contains("Erika");
        });
    }

    @Test
    void personaMethodDefaultsAndStorkLevels() {
        String tx =
                BrowserClient.transactionId(openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), ""));
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(
                browser.login(tx, "max", null, "none", "login").body()));
        response.decryptAssertion(SP.privateKey());
        assertThat(response.text(ResponseInspector.SAML, "AuthnContextClassRef"))
                .isEqualTo("STORK-QAA-Level-3");
        assertThat(response.attributes()).containsEntry(PROVED_BY, "Elster").containsEntry(GIVEN_NAME, "Max");
        assertThat(response.trustLevels()).containsEntry(POSTAL_ADDRESS, "SUBSTANTIELL");
    }

    @Test
    void missingRequiredAttributeIsRequestDeniedWithStatusDetail() {
        String tx =
                BrowserClient.transactionId(openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), ""));
        HttpResponse<String> post = browser.login(tx, "temp", "eID", "none", "login");
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(post.body()));
        assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(response.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
        assertThat(response.nestedStatusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
        assertThat(response.statusMessage()).contains(BPK2);
        assertThat(response.akdbStatusDetail())
                .isEqualTo("{\"version\":\"1.0\",\"errors\":[{\"code\":"
                        + "\"IDP_REQUIRED_ATTRIBUTES_MISSING\",\"message\":\"Required attributes missing: " + BPK2
                        + "\"}]}");
        assertThat(response.assertion()).isNull();
        assertThat(response.encryptedData()).isNull();
    }

    @Test
    void cancelAnswersAuthnFailed() {
        String tx =
                BrowserClient.transactionId(openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), ""));
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(
                browser.login(tx, "erika", null, "none", "cancel").body()));
        assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(response.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
        assertThat(response.nestedStatusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed");
        assertThat(response.statusMessage()).isEqualTo("Der Vorgang wurde vom Nutzer abgebrochen");
        assertThat(response.akdbStatusDetail()).contains("\"code\":\"USER_CANCELLED\"");
    }

    @Test
    void transactionIsSingleUse() {
        String tx =
                BrowserClient.transactionId(openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), ""));
        assertThat(browser.login(tx, "erika", null, "none", "login").statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = browser.login(tx, "erika", null, "none", "login");
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(BrowserClient.errorCode(replay.body())).isEqualTo("unknown-transaction");
    }

    @Test
    void requestedAuthnContextFiltersMethods() {
        String page =
                openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), AuthnRequests.minimumLevel(4));
        assertThat(page)
                .contains("value=\"eID\"")
                .contains("value=\"eIDAS\"")
                .doesNotContain("value=\"Elster\"")
                .doesNotContain("value=\"Benutzername\"");
        String tx = BrowserClient.transactionId(page);
        HttpResponse<String> notAllowed = browser.login(tx, "max", "Elster", "none", "login");
        assertThat(BrowserClient.errorCode(notAllowed.body())).isEqualTo("method-not-allowed");
    }

    @Test
    void eidasPersonaBelowRequestedLevelGetsNoAuthnContext() {
        String tx = BrowserClient.transactionId(
                openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), AuthnRequests.minimumLevel(4)));
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(
                browser.login(tx, "jan", "eIDAS", "none", "login").body()));
        assertThat(response.nestedStatusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext");
    }

    @Test
    void debugEndpointReturnsLastResponseXml() {
        String tx =
                BrowserClient.transactionId(openLoginPage(AuthnRequests.newId(), AuthnRequests.defaultExtension(), ""));
        HttpResponse<String> post = browser.login(tx, "erika", null, "none", "login");
        HttpResponse<String> xml = browser.get("/idp/debug/last-response?tx=" + tx);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).isEqualTo(BrowserClient.samlResponseXml(post.body()));
        HttpResponse<String> assertion = browser.get("/idp/debug/last-response?tx=" + tx + "&part=assertion");
        assertThat(assertion.body()).contains("Assertion").contains("Mustermann");
    }

    @Test
    void oversizedBodyIsRejected() {
        HttpResponse<String> response =
                browser.postForm("/idp/profile/SAML2/POST/SSO", Map.of("SAMLRequest", "A".repeat(300 * 1024)));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    private static java.util.List<String> localNames(Element parent) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }
}
