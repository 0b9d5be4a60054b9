package dev.govid.simulator;

import static dev.govid.simulator.support.SimulatorFixture.IDP;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.PvpRequests;
import dev.govid.simulator.support.ResponseInspector;
import dev.govid.simulator.support.SimulatorFixture;
import dev.govid.simulator.xml.SecureXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The BundID test scenarios work unchanged in PVP mode. */
class PvpFaultScenarioTest {
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

    private static String responseWithFault(String fault, String authnContext) {
        String request = AuthnRequests.signEnveloped(
                PvpRequests.xml(AuthnRequests.newId(), SP.entityId(), sim.pvpSsoPostUrl(), "", authnContext), SP);
        String tx = BrowserClient.transactionId(
                browser.postPvpAuthnRequest(request, "rs").body());
        return BrowserClient.samlResponseXml(
                browser.pvpLogin(tx, "anna", null, fault, "login").body());
    }

    private static String responseWithFault(String fault) {
        return responseWithFault(fault, "");
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
        assertThat(r.decryptAssertion(SP.privateKey())).isNotNull();
    }

    @Test
    void plainAssertion() {
        ResponseInspector r = new ResponseInspector(responseWithFault("plain-assertion"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(r.encryptedData()).isNull();
        assertThat(r.attributes()).containsEntry(PvpRequests.GIVEN_NAME, "Anna");
    }

    @Test
    void expired() {
        ResponseInspector r = new ResponseInspector(responseWithFault("expired"));
        assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
        r.decryptAssertion(SP.privateKey());
        Element conditions = r.first(ResponseInspector.SAML, "Conditions");
        assertThat(Instant.parse(conditions.getAttribute("NotOnOrAfter"))).isBefore(Instant.now());
    }

    @Test
    void wrongAudienceAndDestination() {
        ResponseInspector audience = new ResponseInspector(responseWithFault("wrong-audience"));
        assertThat(audience.responseSignatureValid(IDP.certificate())).isTrue();
        audience.decryptAssertion(SP.privateKey());
        assertThat(audience.text(ResponseInspector.SAML, "Audience")).isEqualTo("https://wrong.example/sp");

        ResponseInspector destination = new ResponseInspector(responseWithFault("wrong-destination"));
        assertThat(destination.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(destination.response().getAttribute("Destination")).isEqualTo("https://wrong.example/acs");
    }

    @Test
    void xxeAndEntityExpansion() {
        String xxe = responseWithFault("xxe");
        assertThat(xxe).contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">").contains("&xxe;</saml:Issuer>");
        assertThatThrownBy(() -> SecureXml.parse(xxe)).isInstanceOf(SecureXml.XmlParseException.class);
        String lol = responseWithFault("entity-expansion");
        assertThat(lol).contains("&lol9;</saml:Issuer>");
        assertThatThrownBy(() -> SecureXml.parse(lol)).isInstanceOf(SecureXml.XmlParseException.class);
    }

    @Test
    void assertionSignedOnly() {
        ResponseInspector r = new ResponseInspector(responseWithFault("assertion-signed-only"));
        assertThat(r.hasResponseSignature()).isFalse();
        Element assertion = r.decryptAssertion(SP.privateKey());
        Element signature = ResponseInspector.directChild(assertion, ResponseInspector.DS, "Signature");
        assertThat(ResponseInspector.validate(assertion, signature, IDP.certificate()))
                .isTrue();
    }

    @Test
    void understatedLevelUsesTheLowestLevelOfTheRequestsVocabulary() {
        ResponseInspector secclass = new ResponseInspector(responseWithFault(
                "understated-level", PvpRequests.authnContext("minimum", PvpRequests.SECCLASS_URI + "0-3")));
        assertThat(secclass.responseSignatureValid(IDP.certificate())).isTrue();
        secclass.decryptAssertion(SP.privateKey());
        assertThat(secclass.text(ResponseInspector.SAML, "AuthnContextClassRef"))
                .isEqualTo(PvpRequests.SECCLASS_URI + "0");
        assertThat(secclass.attributes()).containsEntry(PvpRequests.SECCLASS, "0");

        ResponseInspector stork = new ResponseInspector(
                responseWithFault("understated-level", PvpRequests.authnContext("minimum", "STORK-QAA-Level-4")));
        stork.decryptAssertion(SP.privateKey());
        assertThat(stork.text(ResponseInspector.SAML, "AuthnContextClassRef")).isEqualTo("STORK-QAA-Level-1");
    }
}
