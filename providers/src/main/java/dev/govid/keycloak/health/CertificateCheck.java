package dev.govid.keycloak.health;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Days until a certificate expires; fails below the warning threshold (and of course when it already expired). */
final class CertificateCheck {

    private CertificateCheck() {}

    static Check of(String name, X509Certificate certificate, Instant now, int warningDays) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        long days = Duration.between(now, notAfter).toDays();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subject", certificate.getSubjectX500Principal().getName());
        details.put("notAfter", notAfter.toString());
        details.put("daysToExpiry", days);
        if (now.isAfter(notAfter)) {
            return Check.fail(name, "certificate expired on " + notAfter, details);
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return Check.fail(
                    name,
                    "certificate not valid before " + certificate.getNotBefore().toInstant(),
                    details);
        }
        if (days < warningDays) {
            return Check.fail(
                    name, "certificate expires in " + days + " days (threshold " + warningDays + ")", details);
        }
        return Check.pass(name, "valid for " + days + " more days", details);
    }
}
