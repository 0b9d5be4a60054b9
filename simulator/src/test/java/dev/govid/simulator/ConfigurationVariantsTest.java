package dev.govid.simulator;

import static dev.govid.simulator.support.SimulatorFixture.IDP;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.ResponseInspector;
import dev.govid.simulator.support.SimulatorFixture;
import dev.govid.simulator.support.TestServiceProvider;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Options that change the simulator's behaviour: lenient SPs, runtime metadata, vocabulary, assertion signing. */
class ConfigurationVariantsTest {

    private static ResponseInspector login(Simulator sim, TestServiceProvider sp, String extension, String persona) {
        BrowserClient browser = new BrowserClient(sim.baseUrl());
        String request = AuthnRequests.signEnveloped(
                AuthnRequests.xml(AuthnRequests.newId(), sp.entityId(), sim.ssoPostUrl(), extension, ""), sp);
        HttpResponse<String> page = browser.postAuthnRequest(request, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String tx = BrowserClient.transactionId(page.body());
        return new ResponseInspector(BrowserClient.samlResponseXml(
                browser.login(tx, persona, null, "none", "login").body()));
    }

    private static Simulator start(UnaryOperator<SimulatorConfig.Builder> customizer) {
        return SimulatorFixture.start(customizer);
    }

    @Test
    void lenientSpWithoutExtensionGetsEveryAttribute() {
        try (Simulator sim = start(b -> b.lenientSp(SP.entityId()))) {
            ResponseInspector r = login(sim, SP, "", "erika");
            assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
            r.decryptAssertion(SP.privateKey());
            assertThat(r.attributes())
                    .hasSize(17)
                    .containsEntry("urn:oid:1.2.40.0.10.2.1.1.55", "1964-08-12")
                    .containsEntry(AuthnRequests.QAA_LEVEL, "STORK-QAA-Level-4");
        }
    }

    @Test
    void spMetadataCanBeAddedAtRuntimeAsXml() {
        TestServiceProvider late = TestServiceProvider.create("https://late.example.test/sp");
        try (Simulator sim = start(b -> b)) {
            sim.trustSpMetadata(late.metadataXml());
            ResponseInspector r = login(sim, late, AuthnRequests.defaultExtension(), "jan");
            r.decryptAssertion(late.privateKey());
            assertThat(r.text(ResponseInspector.SAML, "Audience")).isEqualTo(late.entityId());
            assertThat(r.text(ResponseInspector.SAML, "AuthnContextClassRef")).isEqualTo("STORK-QAA-Level-3");
        }
    }

    @Test
    void specTableVocabularyForTrustLevels() {
        try (Simulator sim = start(b -> b.trustLevelVocabulary(TrustLevelVocabulary.SPEC_TABLE))) {
            ResponseInspector r = login(sim, SP, AuthnRequests.defaultExtension(), "erika");
            r.decryptAssertion(SP.privateKey());
            assertThat(r.trustLevels())
                    .containsEntry(AuthnRequests.GIVEN_NAME, "Hoch")
                    .containsEntry(AuthnRequests.MAIL, "Niedrig");
        }
    }

    @Test
    void signAssertionSignsBothLevels() {
        try (Simulator sim = start(b -> b.signAssertion(true))) {
            ResponseInspector r = login(sim, SP, AuthnRequests.defaultExtension(), "erika");
            assertThat(r.responseSignatureValid(IDP.certificate())).isTrue();
            Element assertion = r.decryptAssertion(SP.privateKey());
            Element signature = ResponseInspector.directChild(assertion, ResponseInspector.DS, "Signature");
            assertThat(ResponseInspector.validate(assertion, signature, IDP.certificate()))
                    .isTrue();
        }
    }

    @Test
    void isPassiveGetsNoPassiveAtOnce() {
        try (Simulator sim = start(b -> b)) {
            BrowserClient browser = new BrowserClient(sim.baseUrl());
            String xml = AuthnRequests.xml(
                            AuthnRequests.newId(),
                            SP.entityId(),
                            sim.ssoPostUrl(),
                            AuthnRequests.defaultExtension(),
                            "")
                    .replace("Version=\"2.0\"", "Version=\"2.0\" IsPassive=\"true\"");
            HttpResponse<String> page = browser.postAuthnRequest(AuthnRequests.signEnveloped(xml, SP), null);
            ResponseInspector r = new ResponseInspector(BrowserClient.samlResponseXml(page.body()));
            assertThat(r.nestedStatusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:NoPassive");
        }
    }

    @Test
    void commandLineParsing() {
        SimulatorConfig config = SimulatorMain.parse(new String[] {
            "--port",
            "18081",
            "--host",
            "0.0.0.0",
            "--base-url",
            "http://localhost:18081/",
            "--sp-metadata",
            "a.xml",
            "--sp-metadata",
            "http://kc/metadata",
            "--lenient-sp",
            "urn:sp",
            "--signature-algorithm",
            "rsa-sha256",
            "--data-encryption",
            "aes256-cbc",
            "--key-transport",
            "rsa-oaep",
            "--trust-level-vocabulary",
            "spec-table",
            "--entity-id",
            "https://idp.example/idp",
            "--sign-assertion"
        });
        assertThat(config.port()).isEqualTo(18081);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.baseUrl()).isEqualTo("http://localhost:18081");
        assertThat(config.spMetadataSources()).containsExactly("a.xml", "http://kc/metadata");
        assertThat(config.lenientSps()).containsExactly("urn:sp");
        assertThat(config.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
        assertThat(config.dataEncryption()).isEqualTo(DataEncryption.AES256_CBC);
        assertThat(config.keyTransport()).isEqualTo(KeyTransport.RSA_OAEP);
        assertThat(config.trustLevelVocabulary()).isEqualTo(TrustLevelVocabulary.SPEC_TABLE);
        assertThat(config.entityId()).isEqualTo("https://idp.example/idp");
        assertThat(config.signAssertion()).isTrue();

        SimulatorConfig defaults = SimulatorMain.parse(new String[0]);
        assertThat(defaults.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.RSA_PSS_SHA256);
        assertThat(defaults.dataEncryption()).isEqualTo(DataEncryption.AES256_GCM);
        assertThat(defaults.keyTransport()).isEqualTo(KeyTransport.RSA_OAEP_MGF1P);
        assertThat(defaults.trustLevelVocabulary()).isEqualTo(TrustLevelVocabulary.SPEC_EXAMPLES);
    }
}
