package dev.govid.keycloak.saml;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.datatype.XMLGregorianCalendar;

import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.IDPSSODescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyTypes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.processing.core.saml.v2.util.SAMLMetadataUtil;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an IdP's metadata now, for the self-test: is it reachable, until when is it valid, and which signing and
 * encryption certificates does it publish. Logins never use this; they go through {@link IdpMetadataResolver} and
 * Keycloak's own key loader.
 */
public final class IdpMetadataProbe {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private IdpMetadataProbe() {}

    /** A key the IdP publishes: {@code use} is {@code signing}, {@code encryption} or {@code both}. */
    public record IdpCertificate(String use, X509Certificate certificate) {}

    public record Result(String entityId, Instant validUntil, List<IdpCertificate> certificates) {}

    /** Downloads and parses; any failure (network, HTTP status, junk) is an exception with a short message. */
    public static Result read(KeycloakSession session, String metadataUrl) throws Exception {
        String xml = session.getProvider(HttpClientProvider.class).getString(metadataUrl);
        EntityDescriptorType entity = SAMLMetadataUtil.parseEntityDescriptorType(xml);
        IDPSSODescriptorType idp = SAMLMetadataUtil.locateIDPSSODescriptorType(entity);
        if (idp == null) {
            throw new IllegalArgumentException("metadata has no IDPSSODescriptor");
        }
        List<IdpCertificate> certificates = new ArrayList<>();
        for (KeyDescriptorType key : idp.getKeyDescriptor()) {
            String use = key.getUse() == null ? "both" : key.getUse() == KeyTypes.SIGNING ? "signing" : "encryption";
            for (X509Certificate certificate : certificatesIn(key.getKeyInfo())) {
                certificates.add(new IdpCertificate(use, certificate));
            }
        }
        XMLGregorianCalendar validUntil = entity.getValidUntil();
        return new Result(
                entity.getEntityID(),
                validUntil == null ? null : validUntil.toGregorianCalendar().toInstant(),
                certificates);
    }

    private static List<X509Certificate> certificatesIn(Element keyInfo) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        if (keyInfo == null) {
            return certificates;
        }
        NodeList nodes = keyInfo.getElementsByTagNameNS(DSIG, "X509Certificate");
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (int i = 0; i < nodes.getLength(); i++) {
            byte[] der = Base64.getMimeDecoder()
                    .decode(nodes.item(i).getTextContent().trim());
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }
}
