package dev.govid.keycloak.saml1;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signs a {@code saml:Assertion} as SAML 1.x requires: enveloped signature over {@code #AssertionID},
 * exclusive canonicalization (the assertion sits inside a SOAP envelope whose namespaces must not leak into
 * the digest), SHA-256, and the certificate in {@code ds:KeyInfo/ds:X509Data}. The {@code ds:Signature} is
 * appended as the assertion's last child: the SAML 1.0/1.1 schema puts it after all statements.
 */
public final class Saml1Signer {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public Saml1Signer(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (!Init.isInitialized()) {
            Init.init();
        }
    }

    /** Signs the single assertion of a response from {@link Saml1AssertionBuilder}. */
    public void signAssertion(Document response) {
        sign(Saml1AssertionBuilder.assertionOf(response));
    }

    public void sign(Element assertion) {
        if (!Saml1Xml.is(assertion, Saml1Xml.SAML_NS, "Assertion")) {
            throw new IllegalArgumentException("only saml:Assertion elements are signed here");
        }
        String id = assertion.getAttributeNS(null, "AssertionID");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("assertion has no AssertionID");
        }
        assertion.setIdAttributeNS(null, "AssertionID", true);
        try {
            Document document = assertion.getOwnerDocument();
            XMLSignature signature =
                    new XMLSignature(document, "", signatureAlgorithm(), Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            assertion.appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(certificate);
            signature.sign(privateKey);
            unwrapBase64(signature.getElement());
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot sign SAML1 assertion", e);
        }
    }

    /**
     * Santuario wraps base64 at 76 characters with CR LF, which serializes as {@code &#13;}. SignatureValue and
     * the certificate lie outside the signed SignedInfo, so joining them changes nothing a verifier checks and
     * spares legacy clients that read these values as plain strings.
     */
    private static void unwrapBase64(Element signatureElement) {
        for (String localName : new String[] {"SignatureValue", "X509Certificate"}) {
            NodeList nodes = signatureElement.getElementsByTagNameNS(Saml1Xml.DSIG_NS, localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                Node node = nodes.item(i);
                node.setTextContent(node.getTextContent().replaceAll("\\s+", ""));
            }
        }
    }

    private String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
            case "EC" -> XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
            default ->
                throw new IllegalArgumentException("unsupported signing key algorithm " + privateKey.getAlgorithm());
        };
    }
}
