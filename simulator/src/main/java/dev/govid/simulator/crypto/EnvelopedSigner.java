package dev.govid.simulator.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Produces SAML-profile enveloped signatures: exclusive c14n, SHA-256 digest, X509Certificate in KeyInfo. */
public final class EnvelopedSigner {
    private static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private final PrivateKey key;
    private final X509Certificate certificate;

    public EnvelopedSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * Signs {@code element} (which must carry an {@code ID} attribute) and inserts the signature right after
     * {@code insertAfter}, where the SAML schema expects it (after Issuer).
     */
    public void sign(Element element, Node insertAfter, String signatureAlgorithmUri) {
        sign(element, insertAfter, signatureAlgorithmUri, DIGEST_SHA256);
    }

    /** As {@link #sign(Element, Node, String)} with another reference digest (test scenarios with weak digests). */
    public void sign(Element element, Node insertAfter, String signatureAlgorithmUri, String digestUri) {
        CryptoSetup.ensureInitialized();
        try {
            String id = element.getAttributeNS(null, "ID");
            element.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = new XMLSignature(
                    element.getOwnerDocument(),
                    "",
                    signatureAlgorithmUri,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            element.insertBefore(signature.getElement(), insertAfter.getNextSibling());
            Transforms transforms = new Transforms(element.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, digestUri);
            signature.addKeyInfo(certificate);
            signature.sign(key);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot sign " + element.getLocalName(), e);
        }
    }
}
