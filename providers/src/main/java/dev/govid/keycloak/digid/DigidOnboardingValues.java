package dev.govid.keycloak.digid;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.ws.rs.core.UriInfo;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The values a DigiD (Logius) connection request asks for: entity ID, the HTTP-Artifact AssertionConsumerService
 * and its index, the ServiceUUID and its AttributeConsumingService index, the SP metadata URL, and the signing and
 * encryption certificates with the KeyName the metadata gives them and their fingerprints. The TLS client
 * certificate of the back channel is Keycloak's outgoing HTTP client keystore (a server setting), not a realm key.
 */
public record DigidOnboardingValues(
        String environment,
        String generation,
        String entityId,
        String assertionConsumerServiceUrl,
        int assertionConsumerServiceIndex,
        String serviceUuid,
        int attributeConsumingServiceIndex,
        String metadataUrl,
        String signingKeyName,
        String signingCertificate,
        String signingCertificateSha1,
        String signingCertificateExpiry,
        String encryptionKeyName,
        String encryptionCertificate,
        String encryptionCertificateExpiry,
        boolean machtigen) {

    public static DigidOnboardingValues of(
            KeycloakSession session, RealmModel realm, UriInfo uriInfo, DigidConfig config) {
        String realmUrl = uriInfo.getBaseUriBuilder()
                .path("realms")
                .path(realm.getName())
                .build()
                .toString();
        String endpoint = uriInfo.getBaseUriBuilder()
                .path("realms")
                .path(realm.getName())
                .path("broker")
                .path(config.getAlias())
                .path("endpoint")
                .build()
                .toString();
        String entityId =
                config.getEntityId() == null || config.getEntityId().isBlank() ? realmUrl : config.getEntityId();
        Optional<KeyWrapper> signing = activeKey(session, realm, KeyUse.SIG);
        Optional<KeyWrapper> encryption = activeKey(session, realm, KeyUse.ENC);
        return new DigidOnboardingValues(
                config.getEnvironment().map(DigidEnvironment::configValue).orElse("?"),
                config.getGeneration() == DigidGeneration.V3 ? "DigiD SAML 3.x" : "eID SAML 4.x / Stelsel Toegang",
                entityId,
                endpoint,
                config.getAcsIndex(),
                config.getServiceUuid().orElse(null),
                config.getServiceIndex(),
                endpoint + "/descriptor",
                signing.map(KeyWrapper::getKid).orElse(null),
                signing.map(k -> base64(k.getCertificate())).orElse(null),
                signing.map(k -> sha1(k.getCertificate())).orElse(null),
                signing.map(k -> isoDate(k.getCertificate())).orElse(null),
                encryption.map(KeyWrapper::getKid).orElse(null),
                encryption.map(k -> base64(k.getCertificate())).orElse(null),
                encryption.map(k -> isoDate(k.getCertificate())).orElse(null),
                config.isMachtigenOffered());
    }

    private static Optional<KeyWrapper> activeKey(KeycloakSession session, RealmModel realm, KeyUse use) {
        return session.keys()
                .getKeysStream(realm)
                .filter(k -> use.equals(k.getUse()) && k.getStatus().isActive() && k.getCertificate() != null)
                .filter(k -> use == KeyUse.SIG
                        ? Algorithm.RS256.equals(k.getAlgorithmOrDefault())
                        : "RSA-OAEP".equals(k.getAlgorithmOrDefault()))
                .max(Comparator.comparingLong(KeyWrapper::getProviderPriority));
    }

    private static String isoDate(X509Certificate certificate) {
        return certificate
                .getNotAfter()
                .toInstant()
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    private static String sha1(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
