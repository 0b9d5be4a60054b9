package dev.govid.keycloak.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.govid.keycloak.saml.InboundResponseInspector.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundResponseInspectorTest {

    private static final InboundResponseInspector GCM_ONLY = new InboundResponseInspector(AlgorithmPolicy.gcmOnly());

    private static String response(
            String signatureMethod, String digest, String dataAlgorithm, String keyAlgorithm, String keyExtras) {
        return "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol' xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion'"
                + " xmlns:ds='http://www.w3.org/2000/09/xmldsig#' xmlns:xenc='http://www.w3.org/2001/04/xmlenc#'"
                + " xmlns:xenc11='http://www.w3.org/2009/xmlenc11#' ID='_r' Version='2.0'>"
                + "<saml:Issuer>idp</saml:Issuer>"
                + "<ds:Signature><ds:SignedInfo><ds:CanonicalizationMethod Algorithm='http://www.w3.org/2001/10/xml-exc-c14n#'/>"
                + "<ds:SignatureMethod Algorithm='" + signatureMethod + "'/><ds:Reference URI='#_r'>"
                + "<ds:DigestMethod Algorithm='" + digest
                + "'/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                + "<ds:SignatureValue>AA==</ds:SignatureValue></ds:Signature>"
                + "<saml:EncryptedAssertion><xenc:EncryptedData><xenc:EncryptionMethod Algorithm='" + dataAlgorithm
                + "'/>"
                + "<ds:KeyInfo><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm='" + keyAlgorithm + "'>" + keyExtras
                + "</xenc:EncryptionMethod>"
                + "<xenc:CipherData><xenc:CipherValue>AA==</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>"
                + "<xenc:CipherData><xenc:CipherValue>AA==</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>"
                + "</samlp:Response>";
    }

    private static String good() {
        return response(
                "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
                "http://www.w3.org/2001/04/xmlenc#sha256",
                AlgorithmPolicy.AES256_GCM,
                AlgorithmPolicy.RSA_OAEP_MGF1P,
                "<ds:DigestMethod Algorithm='http://www.w3.org/2000/09/xmldsig#sha1'/>");
    }

    private static Finding inspect(InboundResponseInspector inspector, String xml) {
        return inspector
                .inspect(Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)))
                .finding();
    }

    @Test
    void bundIdDefaultsAreAcceptable() {
        assertThat(inspect(GCM_ONLY, good())).isEqualTo(Finding.ACCEPTABLE);
    }

    @Test
    void xmlenc11OaepNeedsSha256Mgf() {
        String withMgf = good().replace(AlgorithmPolicy.RSA_OAEP_MGF1P + "'>", AlgorithmPolicy.RSA_OAEP_11 + "'>")
                .replace(
                        "<ds:DigestMethod Algorithm='http://www.w3.org/2000/09/xmldsig#sha1'/>",
                        "<ds:DigestMethod Algorithm='http://www.w3.org/2001/04/xmlenc#sha256'/><xenc11:MGF Algorithm='http://www.w3.org/2009/xmlenc11#mgf1sha256'/>");
        assertThat(inspect(GCM_ONLY, withMgf)).isEqualTo(Finding.ACCEPTABLE);
        String defaultMgf = good().replace(AlgorithmPolicy.RSA_OAEP_MGF1P + "'>", AlgorithmPolicy.RSA_OAEP_11 + "'>");
        assertThat(inspect(GCM_ONLY, defaultMgf)).isEqualTo(Finding.WEAK_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://www.w3.org/2001/04/xmlenc#tripledes-cbc",
                "http://www.w3.org/2001/04/xmlenc#aes256-cbc",
                "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
            })
    void weakOrCbcContentEncryptionIsRefused(String algorithm) {
        assertThat(inspect(GCM_ONLY, good().replace(AlgorithmPolicy.AES256_GCM, algorithm)))
                .isEqualTo(Finding.WEAK_ALGORITHM);
    }

    @Test
    void aesCbcSwitchAcceptsCbcButNever3des() {
        InboundResponseInspector withCbc = new InboundResponseInspector(AlgorithmPolicy.withAesCbc(true));
        assertThat(inspect(withCbc, good().replace(AlgorithmPolicy.AES256_GCM, AlgorithmPolicy.AES256_CBC)))
                .isEqualTo(Finding.ACCEPTABLE);
        assertThat(inspect(
                        withCbc,
                        good().replace(AlgorithmPolicy.AES256_GCM, "http://www.w3.org/2001/04/xmlenc#tripledes-cbc")))
                .isEqualTo(Finding.WEAK_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                "http://www.w3.org/2000/09/xmldsig#hmac-sha1",
                "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256",
                "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1"
            })
    void weakSignaturesAreRefused(String algorithm) {
        assertThat(inspect(
                        GCM_ONLY, good().replace("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", algorithm)))
                .isEqualTo(Finding.WEAK_ALGORITHM);
    }

    @Test
    void sha1ReferenceDigestAndRsa15AreRefused() {
        assertThat(
                        inspect(
                                GCM_ONLY,
                                good().replace(
                                                "<ds:DigestMethod Algorithm='http://www.w3.org/2001/04/xmlenc#sha256'/><ds:DigestValue>",
                                                "<ds:DigestMethod Algorithm='http://www.w3.org/2000/09/xmldsig#sha1'/><ds:DigestValue>")))
                .isEqualTo(Finding.WEAK_ALGORITHM);
        assertThat(inspect(
                        GCM_ONLY,
                        good().replace(AlgorithmPolicy.RSA_OAEP_MGF1P, "http://www.w3.org/2001/04/xmlenc#rsa-1_5")))
                .isEqualTo(Finding.WEAK_ALGORITHM);
    }

    @Test
    void plainAssertionIsNotEncrypted() {
        String plain =
                good().replaceAll("<saml:EncryptedAssertion>.*</saml:EncryptedAssertion>", "<saml:Assertion ID='_a'/>");
        assertThat(inspect(GCM_ONLY, plain)).isEqualTo(Finding.NOT_ENCRYPTED);
    }

    @Test
    void hostileShapesAreRefusedWithoutRecursion() {
        String open = "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'>";
        assertThat(inspect(
                        GCM_ONLY,
                        open + "<samlp:Extensions>".repeat(100_000) + "</samlp:Extensions>".repeat(100_000)
                                + "</samlp:Response>"))
                .isEqualTo(Finding.TOO_COMPLEX);
        assertThat(inspect(
                        GCM_ONLY,
                        open + "<a/>".repeat(InboundResponseInspector.MAX_ELEMENTS + 1) + "</samlp:Response>"))
                .isEqualTo(Finding.TOO_COMPLEX);
        assertThat(GCM_ONLY.inspect("a").finding()).isEqualTo(Finding.UNREADABLE);
        assertThat(GCM_ONLY.inspect("not base64 at all !!!").finding()).isEqualTo(Finding.UNREADABLE);
        assertThat(inspect(GCM_ONLY, "<html/>")).isEqualTo(Finding.UNREADABLE);
        assertThat(inspect(GCM_ONLY, open)).isEqualTo(Finding.UNREADABLE);
    }

    @Test
    void doctypeIsRefusedWithoutExpansion() {
        String xxe = "<!DOCTYPE samlp:Response [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + good().replace(">idp<", ">&x;<");
        assertThat(inspect(GCM_ONLY, xxe)).isEqualTo(Finding.UNREADABLE);
    }
}
