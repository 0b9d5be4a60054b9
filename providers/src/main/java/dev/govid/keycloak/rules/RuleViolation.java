package dev.govid.keycloak.rules;

import java.util.List;

import dev.govid.keycloak.mandate.MandateViolation;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.SettingProblem;

/**
 * Why a login does not satisfy a client's rules.
 *
 * @param messageKey     the refusal page's message (also how SAML1 finds the MOA-ID code)
 * @param ssoMessageKey  what the person reads when an SSO session is not enough and a fresh login follows
 * @param moaStatusCode  the MOA-ID status code operators and SAML1 applications know it by
 * @param reason         one line for the log, without personal data
 * @param settingProblems the client's invalid settings when the refusal is a misconfiguration (then no rule was
 *                        judged at all), else empty
 */
public record RuleViolation(
        String messageKey,
        String ssoMessageKey,
        String moaStatusCode,
        String reason,
        List<SettingProblem> settingProblems) {

    public RuleViolation(String messageKey, String ssoMessageKey, String moaStatusCode, String reason) {
        this(messageKey, ssoMessageKey, moaStatusCode, reason, List.of());
    }

    /** The client's own settings are invalid: no login can be judged, so none is let through (fail closed). */
    public boolean misconfiguration() {
        return !settingProblems.isEmpty();
    }

    static RuleViolation misconfigured(List<SettingProblem> problems) {
        return new RuleViolation(
                Misconfiguration.MESSAGE,
                Misconfiguration.MESSAGE,
                "9199",
                "the client's GovID settings are invalid",
                List.copyOf(problems));
    }

    /** Only a login through another eID system can satisfy the client: that is another account, so another session. */
    boolean needsAnotherEid() {
        return "govidRulesEidNotOffered".equals(messageKey);
    }

    static RuleViolation eidNotOffered(String alias) {
        return new RuleViolation(
                "govidRulesEidNotOffered",
                "govidSsoEidNotOffered",
                "1111",
                "the client does not offer the eID '" + alias + "' of this login");
    }

    static RuleViolation levelTooLow(int proven, int requested) {
        return new RuleViolation(
                "govidRulesLevelTooLow",
                "govidSsoLevelTooLow",
                "1008",
                "the login proved level " + proven + ", the client asks for " + requested);
    }

    /** The session kept less of the eID login than this client's mappers need: a fresh eID login keeps it. */
    static RuleViolation dataNotKept() {
        return new RuleViolation(
                "govidRulesDataNotKept",
                "govidSsoDataNotKept",
                "1110",
                "the session kept less of the eID login than the client's mappers need");
    }

    static RuleViolation testIdentity() {
        return new RuleViolation(
                "govidRulesTestIdentity",
                "govidSsoTestIdentity",
                "1111",
                "test identity at a client that refuses test identities");
    }

    static RuleViolation of(MandateViolation violation) {
        String sso =
                switch (violation) {
                    case MANDATE_REQUIRED -> "govidSsoMandateRequired";
                    case MANDATE_NOT_CHOSEN -> "govidSsoMandateNotChosen";
                    case REPRESENTATION_OFF, PRIVATE_SECTOR, FOREIGN_PERSON, NOT_REQUESTED -> "govidSsoForYourself";
                    case NO_MANDATE_PROFILES, INVALID_MANDATE, MANDATE_EXPIRED -> "govidSsoMandateNotAccepted";
                };
        return new RuleViolation(
                violation.messageKey(), sso, violation.moaStatusCode(), "representation rule " + violation.name());
    }
}
