package dev.govid.keycloak.saml1;

import java.util.Locale;
import java.util.Optional;

/**
 * MOA-ID's {@code useMandate} StartAuthentication parameter: {@code true} is mandate mode, {@code false} is no
 * mandate mode (the person is not asked "for whom?" and a login on behalf of someone is not delivered, not even
 * from an SSO session), absent leaves it to the application's representation rule.
 */
enum UseMandate {
    YES,
    NO,
    ABSENT;

    /** Empty for a value that is neither {@code true} nor {@code false} (in any case): a bad parameter. */
    static Optional<UseMandate> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ABSENT);
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(YES);
            case "false" -> Optional.of(NO);
            default -> Optional.empty();
        };
    }
}
