package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govid.keycloak.mandate.MandateViolation;
import org.junit.jupiter.api.Test;
import org.keycloak.protocol.LoginProtocol;

class LoginErrorStatusTest {

    @Test
    void everyKeycloakProtocolErrorHasAMoaIdCode() {
        for (LoginProtocol.Error error : LoginProtocol.Error.values()) {
            assertThat(LoginErrorStatus.of(error)).as(error.name()).isNotNull();
        }
        assertThat(LoginErrorStatus.of(LoginProtocol.Error.CANCELLED_BY_USER)).isEqualTo(MoaStatus.CANCELLED_BY_USER);
        assertThat(LoginErrorStatus.of(LoginProtocol.Error.PASSIVE_LOGIN_REQUIRED))
                .isEqualTo(MoaStatus.INVALID_SSO_SESSION);
    }

    @Test
    void mandateRefusalsKeepTheirOwnCodes() {
        for (MandateViolation violation : MandateViolation.values()) {
            assertThat(LoginErrorStatus.of(violation.messageKey()).code())
                    .as(violation.name())
                    .isEqualTo(Integer.parseInt(violation.moaStatusCode()));
        }
    }

    @Test
    void eidRefusalsByReason() {
        assertThat(LoginErrorStatus.of("govidPvpCancelled")).isEqualTo(MoaStatus.CANCELLED_BY_USER);
        assertThat(LoginErrorStatus.of("govidBundIdCancelled")).isEqualTo(MoaStatus.CANCELLED_BY_USER);
        assertThat(LoginErrorStatus.of("govidPvpLevelTooLow")).isEqualTo(MoaStatus.MINIMUM_IDENTIFICATION_DATA_MISSING);
        assertThat(LoginErrorStatus.of("govidBundIdRequiredAttributesMissing"))
                .isEqualTo(MoaStatus.MINIMUM_IDENTIFICATION_DATA_MISSING);
        assertThat(LoginErrorStatus.of("govidPvpTestIdentity")).isEqualTo(MoaStatus.ACCESS_DENIED);
        assertThat(LoginErrorStatus.of("govidPvpError")).isEqualTo(MoaStatus.AUTHENTICATION_DATA_NOT_BUILDABLE);
        assertThat(LoginErrorStatus.of((String) null)).isEqualTo(MoaStatus.INTERNAL_ERROR);
    }
}
