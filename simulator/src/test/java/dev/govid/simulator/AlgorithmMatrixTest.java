package dev.govid.simulator;

import static dev.govid.simulator.support.SimulatorFixture.IDP;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.ResponseInspector;
import dev.govid.simulator.support.SimulatorFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of signature, content-encryption and key-transport algorithm decrypts and verifies. RSA-SHA1
 * is left out: the JDK's XML signature API refuses it under secure validation, as a relying party should.
 */
class AlgorithmMatrixTest {

    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (SignatureAlgorithm s : SignatureAlgorithm.values()) {
            if (s == SignatureAlgorithm.RSA_SHA1) {
                continue;
            }
            for (DataEncryption d : DataEncryption.values()) {
                for (KeyTransport k : KeyTransport.values()) {
                    all.add(Arguments.of(s, d, k));
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void responseVerifiesWithJdkAndDecryptsWithSpKey(
            SignatureAlgorithm signature, DataEncryption data, KeyTransport transport) {
        try (Simulator sim = SimulatorFixture.start(
                b -> b.signatureAlgorithm(signature).dataEncryption(data).keyTransport(transport))) {
            BrowserClient browser = new BrowserClient(sim.baseUrl());
            String request = AuthnRequests.signEnveloped(
                    AuthnRequests.xml(
                            AuthnRequests.newId(),
                            SP.entityId(),
                            sim.ssoPostUrl(),
                            AuthnRequests.defaultExtension(),
                            ""),
                    SP);
            String tx = BrowserClient.transactionId(
                    browser.postAuthnRequest(request, null).body());
            String xml = BrowserClient.samlResponseXml(
                    browser.login(tx, "erika", "eID", "none", "login").body());

            ResponseInspector response = new ResponseInspector(xml);
            assertThat(response.signatureMethod()).isEqualTo(signature.uri());
            assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
            assertThat(response.dataEncryptionAlgorithm()).isEqualTo(data.uri());
            assertThat(response.keyTransportAlgorithm()).isEqualTo(transport.uri());
            if (transport == KeyTransport.RSA_OAEP) {
                assertThat(xml)
                        .contains("http://www.w3.org/2009/xmlenc11#mgf1sha256")
                        .contains("http://www.w3.org/2001/04/xmlenc#sha256");
            }
            response.decryptAssertion(SP.privateKey());
            assertThat(response.attributes()).containsEntry(AuthnRequests.GIVEN_NAME, "Erika");
        }
    }
}
