package dev.govid.simulator.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import dev.govid.simulator.crypto.IdpCredential;

/** A relying party that exists only in the test: its key, certificate and metadata file. */
public final class TestServiceProvider {
    public static final String ACS_URL = "https://sp.example.test/realms/govid/broker/bundid/endpoint";

    private final String entityId;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private TestServiceProvider(String entityId, KeyPair pair) {
        this.entityId = entityId;
        this.privateKey = pair.getPrivate();
        this.certificate = IdpCredential.selfSigned(pair, "Test SP " + entityId, Duration.ofDays(30));
    }

    public static TestServiceProvider create(String entityId) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048);
            return new TestServiceProvider(entityId, kpg.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String entityId() {
        return entityId;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Keycloak-like metadata: separate signing and encryption KeyDescriptors (same cert), one POST ACS. */
    public String metadataXml() {
        String cert = base64(certificate);
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + entityId + "\">"
                + "<md:SPSSODescriptor AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"false\" "
                + "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + keyDescriptor("signing", cert) + keyDescriptor("encryption", cert)
                + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"" + ACS_URL + "\" index=\"0\" isDefault=\"true\"/>"
                + "</md:SPSSODescriptor></md:EntityDescriptor>";
    }

    public Path writeMetadata(Path dir) throws IOException {
        Path file = dir.resolve("sp-metadata-" + Math.abs(entityId.hashCode()) + ".xml");
        Files.writeString(file, metadataXml(), StandardCharsets.UTF_8);
        return file;
    }

    private static String keyDescriptor(String use, String cert) {
        return "<md:KeyDescriptor use=\"" + use + "\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<ds:X509Data><ds:X509Certificate>" + cert + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
                + "</md:KeyDescriptor>";
    }

    private static String base64(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
