package dev.govid.simulator.login;

import java.util.Optional;

import dev.govid.simulator.request.AuthnRequestReader;
import dev.govid.simulator.request.PostBindingSignatureVerifier;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.request.SignatureCheck;
import dev.govid.simulator.sp.SpMetadata;
import dev.govid.simulator.sp.SpRegistry;
import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The protocol-independent part of accepting an AuthnRequest: hardened parsing, finding the SP by Issuer and
 * checking the request signature against its metadata keys. Both the BundID and the PVP mode start here, so
 * they refuse unsigned or forged requests with the same error codes.
 */
public final class SignedRequestVerifier {
    private final SpRegistry registry;

    public SignedRequestVerifier(SpRegistry registry) {
        this.registry = registry;
    }

    /** A samlp:AuthnRequest whose signature verified with the keys of {@code sp}. */
    public record VerifiedRequest(Element authnRequest, SpMetadata sp) {}

    /**
     * @param redirect the redirect-binding message whose query signature applies, or null for POST binding
     */
    public VerifiedRequest verify(byte[] xml, RedirectBindingMessage redirect) {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.XmlParseException e) {
            throw new RequestRejectedException(
                    "invalid-request", "AuthnRequest is not acceptable XML: " + e.getMessage());
        }
        Element root = AuthnRequestReader.authnRequestElement(doc);
        String issuer = AuthnRequestReader.issuer(root);
        String acsUrl = Dom.attribute(root, "AssertionConsumerServiceURL");

        // Keys and SPs change while the simulator runs, so one reload per request is allowed.
        boolean reloaded = false;
        Optional<SpMetadata> sp = registry.find(issuer, acsUrl);
        if (sp.isEmpty()) {
            registry.reload();
            reloaded = true;
            sp = registry.find(issuer, acsUrl);
        }
        if (sp.isEmpty()) {
            throw new RequestRejectedException("unknown-sp", "no metadata for SP " + issuer);
        }
        SignatureCheck check = check(root, redirect, sp.get());
        if (check == SignatureCheck.INVALID && !reloaded) {
            registry.reload();
            sp = registry.find(issuer, acsUrl);
            check = sp.isPresent() ? check(root, redirect, sp.get()) : SignatureCheck.INVALID;
        }
        if (check == SignatureCheck.MISSING) {
            throw new RequestRejectedException("saml-request-not-signed", "the AuthnRequest is not signed");
        }
        if (check == SignatureCheck.INVALID) {
            throw new RequestRejectedException(
                    "saml-request-signature-invalid",
                    "the AuthnRequest signature does not verify with the SP's metadata keys");
        }
        return new VerifiedRequest(root, sp.get());
    }

    private static SignatureCheck check(Element root, RedirectBindingMessage redirect, SpMetadata sp) {
        return redirect != null
                ? redirect.verify(sp.signingCertificates())
                : PostBindingSignatureVerifier.verify(root, sp.signingCertificates());
    }
}
