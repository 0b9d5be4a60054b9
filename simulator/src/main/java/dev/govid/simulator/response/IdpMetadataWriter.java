package dev.govid.simulator.response;

import static dev.govid.simulator.xml.SamlNamespaces.DSIG;
import static dev.govid.simulator.xml.SamlNamespaces.METADATA;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SamlNamespaces;
import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The IdP's own md:EntityDescriptor, shaped like BundID's (and reused for the PVP identity). */
public final class IdpMetadataWriter {
    private IdpMetadataWriter() {}

    public static String write(String entityId, String ssoPostUrl, String ssoRedirectUrl, X509Certificate cert) {
        return write(entityId, ssoPostUrl, ssoRedirectUrl, cert, List.of(SamlNamespaces.NAMEID_TRANSIENT));
    }

    /** @param nameIdFormats the md:NameIDFormat entries, in order (BundID: transient only; PVP: both) */
    public static String write(
            String entityId,
            String ssoPostUrl,
            String ssoRedirectUrl,
            X509Certificate cert,
            List<String> nameIdFormats) {
        Document doc = SecureXml.newDocument();
        Element entity = doc.createElementNS(METADATA, "md:EntityDescriptor");
        doc.appendChild(entity);
        Dom.declareNamespace(entity, "md", METADATA);
        Dom.declareNamespace(entity, "ds", DSIG);
        entity.setAttributeNS(null, "entityID", entityId);

        Element idp = Dom.append(entity, METADATA, "md:IDPSSODescriptor");
        idp.setAttributeNS(null, "WantAuthnRequestsSigned", "true");
        idp.setAttributeNS(null, "protocolSupportEnumeration", SamlNamespaces.PROTOCOL);

        Element key = Dom.append(idp, METADATA, "md:KeyDescriptor");
        key.setAttributeNS(null, "use", "signing");
        Element x509Data = Dom.append(Dom.append(key, DSIG, "ds:KeyInfo"), DSIG, "ds:X509Data");
        Dom.appendText(x509Data, DSIG, "ds:X509Certificate", base64(cert));

        for (String format : nameIdFormats) {
            Dom.appendText(idp, METADATA, "md:NameIDFormat", format);
        }
        Element post = Dom.append(idp, METADATA, "md:SingleSignOnService");
        post.setAttributeNS(null, "Binding", SamlNamespaces.BINDING_POST);
        post.setAttributeNS(null, "Location", ssoPostUrl);
        Element redirect = Dom.append(idp, METADATA, "md:SingleSignOnService");
        redirect.setAttributeNS(null, "Binding", SamlNamespaces.BINDING_REDIRECT);
        redirect.setAttributeNS(null, "Location", ssoRedirectUrl);
        return SecureXml.serialize(doc);
    }

    private static String base64(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
