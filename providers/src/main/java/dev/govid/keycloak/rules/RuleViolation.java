package dev.govid.keycloak.rules;

import dev.govid.keycloak.mandate.MandateViolation;

/**
 * Why a login does not satisfy a client's rules.
 *
 * @param messageKey     the refusal page's message (also how SAML1 finds the MOA-ID code)
 * @param ssoMessageKey  what the person reads when an SSO session is not enough and a fresh login follows
 * @param moaStatusCode  the MOA-ID status code operators and SAML1 applications know it by
 * @param reason         one line for the log, without personal data
 */
public record RuleViolation(String messageKey, String ssoMessageKey, String moaStatusCode, String reason) {

    /** Only a login through another eID system can satisfy the client: that is another account, so another session. */
    boolean needsAnotherEid() {
        return "govidRulesEidNotOffered".equals(messageKey);
    }

    static RuleViolation eidNotOffered(String alias) {
        return new RuleViolation("govidRulesEidNotOffered", "govidSsoEidNotOffered", "1111",
                "the client does not offer the eID '" + alias + "' of this login");
    }

    static RuleViolation levelTooLow(int proven, int requested) {
        return new RuleViolation("govidRulesLevelTooLow", "govidSsoLevelTooLow", "1008",
                "the login proved level " + proven + ", the client asks for " + requested);
    }

    static RuleViolation testIdentity() {
        return new RuleViolation("govidRulesTestIdentity", "govidSsoTestIdentity", "1111",
                "test identity at a client that refuses test identities");
    }

    static RuleViolation of(MandateViolation violation) {
        String sso = switch (violation) {
            case MANDATE_REQUIRED -> "govidSsoMandateRequired";
            case MANDATE_NOT_CHOSEN -> "govidSsoMandateNotChosen";
            case REPRESENTATION_OFF, PRIVATE_SECTOR, FOREIGN_PERSON, NOT_REQUESTED -> "govidSsoForYourself";
            case NO_MANDATE_PROFILES, INVALID_MANDATE, MANDATE_EXPIRED -> "govidSsoMandateNotAccepted";
        };
        return new RuleViolation(violation.messageKey(), sso, violation.moaStatusCode(),
                "representation rule " + violation.name());
    }
}
