package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signer details OpenSamlInteropTest does not cover: EC keys and refusing what it cannot sign. */
class Saml1SignerTest {

    @Test
    void ecKeysSignWithEcdsaSha256() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Document response = Saml1TestData.builder()
                .successResponse("r", Saml1TestData.publicSector(), Saml1TestData.flags(false, 1), List.of());
        // The certificate only fills KeyInfo here; the check below uses the EC public key directly.
        new Saml1Signer(ec.getPrivate(), TestCredentials.CERTIFICATE).signAssertion(response);

        Element signatureElement = (Element)
                response.getElementsByTagNameNS(Saml1Xml.DSIG_NS, "Signature").item(0);
        XMLSignature signature = new XMLSignature(signatureElement, "");
        assertThat(signature.getSignedInfo().getSignatureMethodURI())
                .isEqualTo(XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256);
        assertThat(signature.checkSignatureValue(ec.getPublic())).isTrue();
    }

    @Test
    void refusesOtherKeysAndElements() throws Exception {
        KeyPair dsa = KeyPairGenerator.getInstance("DSA").generateKeyPair();
        Document response = Saml1TestData.builder()
                .successResponse("r", Saml1TestData.publicSector(), Saml1TestData.flags(false, 1), List.of());

        assertThatThrownBy(() -> new Saml1Signer(dsa.getPrivate(), TestCredentials.CERTIFICATE).signAssertion(response))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Saml1Signer(TestCredentials.PRIVATE_KEY, TestCredentials.CERTIFICATE)
                        .sign(response.getDocumentElement()))
                .isInstanceOf(IllegalArgumentException.class);
        Document error = Saml1TestData.builder().errorResponse("r", 0, MoaStatus.INTERNAL_ERROR);
        assertThatThrownBy(() ->
                        new Saml1Signer(TestCredentials.PRIVATE_KEY, TestCredentials.CERTIFICATE).signAssertion(error))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
