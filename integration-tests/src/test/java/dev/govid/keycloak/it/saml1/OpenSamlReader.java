package dev.govid.keycloak.it.saml1;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import org.opensaml.DefaultBootstrap;
import org.opensaml.saml1.core.Assertion;
import org.opensaml.saml1.core.Response;
import org.opensaml.security.SAMLSignatureProfileValidator;
import org.opensaml.xml.Configuration;
import org.opensaml.xml.parse.BasicParserPool;
import org.opensaml.xml.security.x509.BasicX509Credential;
import org.opensaml.xml.signature.SignatureValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a GetAuthenticationData answer with OpenSAML 2's SAML1 unmarshallers and verifies the assertion's
 * signature with its validators: an implementation we did not write, as a MOA-ID client would use.
 */
final class OpenSamlReader {

    private static BasicParserPool parserPool;

    private OpenSamlReader() {}

    static synchronized Response read(String soapXml) throws Exception {
        if (parserPool == null) {
            DefaultBootstrap.bootstrap();
            parserPool = new BasicParserPool();
            parserPool.setNamespaceAware(true);
        }
        Document document = parserPool.parse(new ByteArrayInputStream(soapXml.getBytes(StandardCharsets.UTF_8)));
        Element response = (Element) document.getElementsByTagNameNS("urn:oasis:names:tc:SAML:1.0:protocol", "Response")
                .item(0);
        return (Response)
                Configuration.getUnmarshallerFactory().getUnmarshaller(response).unmarshall(response);
    }

    /** Throws unless the assertion carries a valid signature by the certificate's key. */
    static void verify(Assertion assertion, X509Certificate certificate) throws Exception {
        if (assertion.getMinorVersion() == 0) {
            // SAML 1.0 did not type AssertionID as an ID; a 1.0 verifier registers it itself.
            assertion.getDOM().setIdAttributeNS(null, "AssertionID", true);
        }
        new SAMLSignatureProfileValidator().validate(assertion.getSignature());
        BasicX509Credential credential = new BasicX509Credential();
        credential.setEntityCertificate(certificate);
        new SignatureValidator(credential).validate(assertion.getSignature());
    }
}
