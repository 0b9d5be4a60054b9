package dev.govid.simulator.request;

import static dev.govid.simulator.xml.SamlNamespaces.DSIG;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import dev.govid.simulator.crypto.CryptoSetup;
import dev.govid.simulator.xml.Dom;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;

/**
 * Verifies the enveloped signature of a POST-binding AuthnRequest. To rule out signature wrapping, the
 * signature must be a direct child of the document element and its single Reference must point at exactly
 * that element: the element we then go on to read is the element that was signed.
 */
public final class PostBindingSignatureVerifier {
    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(
            Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
            Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS,
            Transforms.TRANSFORM_C14N_OMIT_COMMENTS,
            Transforms.TRANSFORM_C14N_WITH_COMMENTS,
            Transforms.TRANSFORM_C14N11_OMIT_COMMENTS);

    private PostBindingSignatureVerifier() {}

    public static SignatureCheck verify(Element root, List<X509Certificate> signingCertificates) {
        List<Element> signatures = Dom.children(root, DSIG, "Signature");
        if (signatures.isEmpty()) {
            return SignatureCheck.MISSING;
        }
        if (signatures.size() > 1) {
            return SignatureCheck.INVALID;
        }
        CryptoSetup.ensureInitialized();
        String id = root.getAttributeNS(null, "ID");
        root.setIdAttributeNS(null, "ID", true);
        for (X509Certificate cert : signingCertificates) {
            try {
                // A fresh XMLSignature per attempt: Santuario caches reference results inside the object.
                XMLSignature signature = new XMLSignature(signatures.get(0), "", true);
                if (!referencesOnly(signature.getSignedInfo(), id)) {
                    return SignatureCheck.INVALID;
                }
                if (signature.checkSignatureValue(cert.getPublicKey())) {
                    return SignatureCheck.VALID;
                }
            } catch (Exception e) {
                // malformed or wrong key: try the next certificate, then report INVALID
            }
        }
        return SignatureCheck.INVALID;
    }

    private static boolean referencesOnly(SignedInfo signedInfo, String id) throws Exception {
        if (signedInfo.getLength() != 1) {
            return false;
        }
        Reference reference = signedInfo.item(0);
        if (!("#" + id).equals(reference.getURI())) {
            return false;
        }
        Transforms transforms = reference.getTransforms();
        if (transforms != null) {
            for (int i = 0; i < transforms.getLength(); i++) {
                Transform t = transforms.item(i);
                if (!ALLOWED_TRANSFORMS.contains(t.getURI())) {
                    return false;
                }
            }
        }
        return true;
    }
}
