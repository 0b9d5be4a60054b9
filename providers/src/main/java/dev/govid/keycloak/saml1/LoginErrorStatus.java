package dev.govid.keycloak.saml1;

import java.util.Arrays;
import java.util.Optional;

import dev.govid.keycloak.mandate.MandateViolation;
import org.keycloak.protocol.LoginProtocol;

/**
 * The MOA-ID status code an application gets for a login that ended without authentication data, from
 * Keycloak's protocol error or from the refusal message key of the eID profiles and the mandate rules
 * ({@code govid<System><Reason>}, e.g. {@code govidPvpCancelled}, {@code govidMandateInvalid}).
 */
final class LoginErrorStatus {

    private LoginErrorStatus() {}

    static MoaStatus of(LoginProtocol.Error error) {
        return switch (error) {
            case CANCELLED_BY_USER, CANCELLED_AIA, CANCELLED_AIA_SILENT, CONSENT_DENIED -> MoaStatus.CANCELLED_BY_USER;
            case PASSIVE_LOGIN_REQUIRED, PASSIVE_INTERACTION_REQUIRED -> MoaStatus.INVALID_SSO_SESSION;
            case ALREADY_LOGGED_IN -> MoaStatus.LOGIN_IN_PROGRESS;
            case LOA_INVALID -> MoaStatus.INVALID_PARAMETER;
        };
    }

    static MoaStatus of(String messageKey) {
        if (messageKey == null) {
            return MoaStatus.INTERNAL_ERROR;
        }
        Optional<MoaStatus> mandate = Arrays.stream(MandateViolation.values())
                .filter(violation -> violation.messageKey().equals(messageKey))
                .findFirst()
                .flatMap(violation -> MoaStatus.byCode(Integer.parseInt(violation.moaStatusCode())));
        if (mandate.isPresent()) {
            return mandate.get();
        }
        if (messageKey.endsWith("Cancelled")) {
            return MoaStatus.CANCELLED_BY_USER;
        }
        if (endsWithAny(messageKey, "TestIdentity", "EidNotOffered")) {
            return MoaStatus.ACCESS_DENIED;
        }
        if (endsWithAny(
                messageKey,
                "LevelTooLow",
                "LevelMissing",
                "RequiredAttributesMissing",
                "BpkMissing",
                "WrongSector",
                "InvalidAttribute",
                "MethodNotAllowed",
                "TemporaryLoginRejected")) {
            return MoaStatus.MINIMUM_IDENTIFICATION_DATA_MISSING;
        }
        // The eID system refused or failed in a way MOA-ID had no code of its own for.
        return MoaStatus.AUTHENTICATION_DATA_NOT_BUILDABLE;
    }

    private static boolean endsWithAny(String key, String... suffixes) {
        return Arrays.stream(suffixes).anyMatch(key::endsWith);
    }
}
