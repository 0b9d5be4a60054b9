package dev.govid.keycloak.bundid;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Something BundID's self-service portal would refuse in the values GovID lists, found before the admin pastes
 * them: an EntityID or endpoint that is not https or names a port, a certificate that expires within
 * {@link #MIN_VALIDITY} (or already expired), a missing signing or encryption certificate.
 *
 * @param field   the portal-value field it concerns ({@code entityId}, {@code encryptionCertificate}, …)
 * @param code    stable, for tools
 * @param message German and English, as the plain-text view shows it
 */
public record PortalWarning(String field, String code, String message) {

    /** BundID's portal refuses certificates that expire within 30 days. */
    public static final Duration MIN_VALIDITY = Duration.ofDays(30);

    static List<PortalWarning> of(
            String entityId,
            String assertionConsumerServiceUrl,
            Instant signingExpiry,
            Instant encryptionExpiry,
            Instant now) {
        List<PortalWarning> warnings = new ArrayList<>();
        url(warnings, "entityId", "EntityID", entityId);
        url(warnings, "assertionConsumerServiceUrl", "Attribute Consume Service Endpoint", assertionConsumerServiceUrl);
        certificate(warnings, "signingCertificate", "Signaturzertifikat / signing certificate", signingExpiry, now);
        certificate(
                warnings,
                "encryptionCertificate",
                "Verschlüsselungszertifikat / encryption certificate",
                encryptionExpiry,
                now);
        return List.copyOf(warnings);
    }

    private static void url(List<PortalWarning> warnings, String field, String label, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            warnings.add(new PortalWarning(field, field + "-invalid", label + ": keine gültige URL / not a valid URL"));
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            warnings.add(
                    new PortalWarning(
                            field,
                            field + "-not-https",
                            label
                                    + ": BundID verlangt https / BundID requires https (set Keycloak's hostname to its public https URL)"));
        }
        if (uri.getPort() != -1) {
            warnings.add(new PortalWarning(
                    field,
                    field + "-port",
                    label + ": BundID verlangt eine URL ohne Port / BundID requires a URL without a port (port "
                            + uri.getPort() + ")"));
        }
    }

    private static void certificate(
            List<PortalWarning> warnings, String field, String label, Instant expiry, Instant now) {
        if (expiry == null) {
            warnings.add(
                    new PortalWarning(
                            field,
                            field + "-missing",
                            label
                                    + ": kein aktiver Schlüssel mit Zertifikat im Realm / no active realm key with a certificate"));
        } else if (expiry.isBefore(now.plus(MIN_VALIDITY))) {
            long days = Math.max(0, Duration.between(now, expiry).toDays());
            warnings.add(new PortalWarning(
                    field,
                    field + "-expiring",
                    label + ": läuft in " + days + " Tagen ab, BundID verlangt mindestens 30 / expires in " + days
                            + " days, BundID requires at least 30 (add a new key in Realm settings → Keys)"));
        }
    }
}
