package dev.govid.keycloak.bundid;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

import jakarta.ws.rs.core.UriInfo;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Exactly the values BundID's self-service portal asks for when metadata is uploaded (BundID onboarding):
 * EntityID, certificate expiry date, primary signing certificate, encryption certificate and the
 * Assertion Consumer Service endpoint — for the environment the provider is set to, with a warning for each
 * value the portal would refuse ({@link PortalWarning}).
 */
public record BundIdPortalValues(
        String environment,
        String entityId,
        String entityIdProtocol,
        String assertionConsumerServiceUrl,
        String metadataUrl,
        String signingCertificate,
        String signingCertificateExpiry,
        String encryptionCertificate,
        String encryptionCertificateExpiry,
        String certificateExpiry,
        java.util.List<PortalWarning> warnings) {

    public static BundIdPortalValues of(
            KeycloakSession session, RealmModel realm, UriInfo uriInfo, BundIdConfig config) {
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
        Optional<X509Certificate> signing = activeCertificate(session, realm, KeyUse.SIG);
        Optional<X509Certificate> encryption = activeCertificate(session, realm, KeyUse.ENC);
        Instant signingExpiry = signing.map(c -> c.getNotAfter().toInstant()).orElse(null);
        Instant encryptionExpiry =
                encryption.map(c -> c.getNotAfter().toInstant()).orElse(null);
        Instant firstExpiry = signingExpiry == null
                ? encryptionExpiry
                : encryptionExpiry == null
                        ? signingExpiry
                        : (signingExpiry.isBefore(encryptionExpiry) ? signingExpiry : encryptionExpiry);
        return new BundIdPortalValues(
                config.getEnvironment().map(BundIdEnvironment::configValue).orElse("invalid"),
                entityId,
                entityId.startsWith("https://") ? "https" : "http",
                endpoint,
                endpoint + "/descriptor",
                signing.map(BundIdPortalValues::base64).orElse(null),
                isoDate(signingExpiry),
                encryption.map(BundIdPortalValues::base64).orElse(null),
                isoDate(encryptionExpiry),
                isoDate(firstExpiry),
                PortalWarning.of(entityId, endpoint, signingExpiry, encryptionExpiry, Instant.now()));
    }

    /** The newest active key of that use, as the SP metadata lists it first. */
    private static Optional<X509Certificate> activeCertificate(KeycloakSession session, RealmModel realm, KeyUse use) {
        return session.keys()
                .getKeysStream(realm)
                .filter(k -> use.equals(k.getUse()) && k.getStatus().isActive() && k.getCertificate() != null)
                .filter(k -> use != KeyUse.SIG || Algorithm.RS256.equals(k.getAlgorithmOrDefault()))
                .max(Comparator.comparingLong(KeyWrapper::getProviderPriority))
                .map(KeyWrapper::getCertificate);
    }

    /** ISO dates (yyyy-MM-dd, UTC): what the portal's "Ablaufdatum" field takes, and unambiguous in JSON. */
    private static String isoDate(Instant instant) {
        return instant == null
                ? null
                : instant.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }
}
