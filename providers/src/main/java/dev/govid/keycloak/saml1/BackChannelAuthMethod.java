package dev.govid.keycloak.saml1;

import java.util.Locale;

/**
 * How the application must prove itself when it calls GetAuthenticationData: the value of {@code moa.backChannelAuth}.
 * {@link BackChannelAuthentication} checks a call against it.
 */
enum BackChannelAuthMethod {
    /** MOA-ID compatible: whoever holds the artifact gets the data. */
    NONE,
    /** HTTP Basic with the application's client id and secret. */
    CLIENT_SECRET,
    /** A TLS client certificate whose subject is the application's registered DN. */
    MUTUAL_TLS,
    /** A value this version does not know: refuse every call rather than guess (fail closed). */
    UNKNOWN;

    static BackChannelAuthMethod parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "client-secret" -> CLIENT_SECRET;
            case "mtls", "tls-client-certificate" -> MUTUAL_TLS;
            default -> UNKNOWN;
        };
    }
}
