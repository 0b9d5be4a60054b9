package dev.govid.keycloak.saml;

/**
 * Why a profile refuses an eID response: the message the person sees ({@code messageKey}), the reason for the
 * one log line, and the code the revision log and statistics record (MOA-ID's status code where one applies).
 */
public record EidRefusal(String messageKey, String reason, String exceptionCode) {

    /** A refusal recorded under its message key (no MOA-ID code applies). */
    public static EidRefusal of(String messageKey, String reason) {
        return new EidRefusal(messageKey, reason, messageKey);
    }
}
