package dev.govid.simulator;

import static dev.govid.simulator.support.SimulatorFixture.IDP;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.ResponseInspector;
import dev.govid.simulator.support.SimulatorFixture;
import dev.govid.simulator.support.TestServiceProvider;
import dev.govid.simulator.xml.SecureXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Each test scenario of the login page produces exactly the defect it promises. */
class FaultScenarioTest {
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

    private static String responseWithFault(String fault) {
        String request = AuthnRequests.signEnveloped(
                AuthnRequests.xml(
                        AuthnRequests.newId(), SP.entityId(), sim.ssoPostUrl(), AuthnRequests.defaultExtension(), ""),
                SP);
        String tx = BrowserClient.transactionId(
                browser.postAuthnRequest(request, "rs").body());
        return BrowserClient.samlResponseXml(
                browser.login(tx, "erika", "eID", fault, "login").body());
    }

    @Test
    void none() {
        ResponseInspector r = new ResponseInspector(responseWithFault("none"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(r.encryptedData()).isNotNull();
    }

    @Test
    void tamperedSignature() {
        ResponseInspector r = new ResponseInspector(responseWithFault("tampered-signature"));
        assertThat(r.hasResponseSignature()).isTrue();
        assertThat(r.responseSignatureValid(IDP.certificate())).isFalse();
    }

    @Test
    void unsigned() {
        ResponseInspector r = new ResponseInspector(responseWithFault("unsigned"));
        assertThat(r.hasResponseSignature()).isFalse();
        assertThat(r.encryptedData()).isNotNull();
        assertThat(r.decryptAssertion(SP.privateKey())).isNotNull();
    }

    @Test
    void plainAssertion() {
        ResponseInspector r = new ResponseInspector(responseWithFault("plain-assertion"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(r.encryptedData()).isNull();
        assertThat(r.assertion()).isNotNull();
        assertThat(r.attributes()).containsEntry(AuthnRequests.GIVEN_NAME, "Erika");
    }

    @Test
    void expired() {
        ResponseInspector r = new ResponseInspector(responseWithFault("expired"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        r.decryptAssertion(SP.privateKey());
        Instant now = Instant.now();
        Element conditions = r.first(ResponseInspector.SAML, "Conditions");
        Element confirmation = r.first(ResponseInspector.SAML, "SubjectConfirmationData");
        assertThat(Instant.parse(conditions.getAttribute("NotOnOrAfter"))).isBefore(now.minus(Duration.ofMinutes(9)));
        assertThat(Instant.parse(confirmation.getAttribute("NotOnOrAfter"))).isBefore(now.minus(Duration.ofMinutes(9)));
        assertThat(Instant.parse(r.response().getAttribute("IssueInstant")))
                .isBefore(now.minus(Duration.ofMinutes(19)));
        assertThat(Instant.parse(r.assertion().getAttribute("IssueInstant")))
                .isBefore(now.minus(Duration.ofMinutes(19)));
    }

    @Test
    void wrongAudience() {
        ResponseInspector r = new ResponseInspector(responseWithFault("wrong-audience"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        r.decryptAssertion(SP.privateKey());
        assertThat(r.text(ResponseInspector.SAML, "Audience")).isEqualTo("https://wrong.example/sp");
    }

    @Test
    void wrongDestination() {
        ResponseInspector r = new ResponseInspector(responseWithFault("wrong-destination"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(r.response().getAttribute("Destination")).isEqualTo("https://wrong.example/acs");
        r.decryptAssertion(SP.privateKey());
        assertThat(r.first(ResponseInspector.SAML, "SubjectConfirmationData").getAttribute("Recipient"))
                .isEqualTo(TestServiceProvider.ACS_URL);
    }

    @Test
    void xxe() {
        String xml = responseWithFault("xxe");
        String doctype = "<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        assertThat(xml).contains(doctype).contains("&xxe;</saml:Issuer>");
        assertThatThrownBy(() -> SecureXml.parse(xml)).isInstanceOf(SecureXml.XmlParseException.class);
        // Apart from the injected markup it is a correctly signed response.
        ResponseInspector cleaned =
                new ResponseInspector(xml.replace(doctype, "").replace("&xxe;", ""));
        assertThat(cleaned.responseSignatureValid(IDP.certificate())).isTrue();
    }

    @Test
    void entityExpansion() {
        String xml = responseWithFault("entity-expansion");
        assertThat(xml)
                .contains("<!DOCTYPE samlp:Response [")
                .contains("<!ENTITY lol9 \"&lol8;&lol8;")
                .contains("&lol9;</saml:Issuer>");
        assertThatThrownBy(() -> SecureXml.parse(xml)).isInstanceOf(SecureXml.XmlParseException.class);
    }

    @Test
    void assertionSignedOnly() {
        ResponseInspector r = new ResponseInspector(responseWithFault("assertion-signed-only"));
        assertThat(r.hasResponseSignature()).isFalse();
        Element assertion = r.decryptAssertion(SP.privateKey());
        Element signature = ResponseInspector.directChild(assertion, ResponseInspector.DS, "Signature");
        assertThat(signature).isNotNull();
        assertThat(signature.getPreviousSibling().getLocalName()).isEqualTo("Issuer");
        assertThat(ResponseInspector.validate(assertion, signature, IDP.certificate()))
                .isTrue();
    }

    @Test
    void unknownFaultIsAnError() {
        String request = AuthnRequests.signEnveloped(
                AuthnRequests.xml(
                        AuthnRequests.newId(), SP.entityId(), sim.ssoPostUrl(), AuthnRequests.defaultExtension(), ""),
                SP);
        String tx = BrowserClient.transactionId(
                browser.postAuthnRequest(request, null).body());
        assertThat(BrowserClient.errorCode(
                        browser.login(tx, "erika", null, "bogus", "login").body()))
                .isEqualTo("unknown-fault");
    }
}
