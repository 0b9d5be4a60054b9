package dev.govid.keycloak.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PortalWarningTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));

    @Test
    void publicHttpsValuesWithLongLivedCertificatesGiveNoWarning() {
        assertThat(PortalWarning.of(
                        "https://sso.example.de/realms/r",
                        "https://sso.example.de/realms/r/broker/bundid/endpoint",
                        IN_A_YEAR,
                        IN_A_YEAR,
                        NOW))
                .isEmpty();
    }

    @Test
    void httpAndPortAreFlaggedForEntityIdAndEndpoint() {
        assertThat(PortalWarning.of(
                        "http://127.0.0.1:8080/realms/r",
                        "http://127.0.0.1:8080/realms/r/broker/bundid/endpoint",
                        IN_A_YEAR,
                        IN_A_YEAR,
                        NOW))
                .extracting(PortalWarning::code)
                .containsExactly(
                        "entityId-not-https",
                        "entityId-port",
                        "assertionConsumerServiceUrl-not-https",
                        "assertionConsumerServiceUrl-port");
    }

    @Test
    void certificateExpiringWithin30DaysAndMissingEncryptionKeyAreFlagged() {
        var warnings = PortalWarning.of(
                "https://sso.example.de/realms/r",
                "https://sso.example.de/realms/r/broker/bundid/endpoint",
                NOW.plus(Duration.ofDays(29)),
                null,
                NOW);
        assertThat(warnings)
                .extracting(PortalWarning::code)
                .containsExactly("signingCertificate-expiring", "encryptionCertificate-missing");
        assertThat(warnings.get(0).message()).contains("29");
    }

    @Test
    void anHttpsPortIsStillAPort() {
        assertThat(PortalWarning.of(
                        "https://sso.example.de:8443/realms/r",
                        "https://sso.example.de/realms/r/broker/bundid/endpoint",
                        IN_A_YEAR,
                        IN_A_YEAR,
                        NOW))
                .extracting(PortalWarning::code)
                .containsExactly("entityId-port");
    }
}
