package dev.govid.keycloak.mandate;

/**
 * Why a login with (or without) a mandate is refused, with the MOA-ID status code an Austrian operator
 * knows it by and the message key of the page the person sees.
 */
public enum MandateViolation {
    /** Mandate mode is not supported for private-sector applications. */
    PRIVATE_SECTOR("1006", "govidMandatePrivateSector"),
    /** Mandate mode is not supported for foreign persons. */
    FOREIGN_PERSON("1007", "govidMandateForeignPerson"),
    /** The application has no mandate profiles configured, so no mandate can be accepted. */
    NO_MANDATE_PROFILES("9006", "govidMandateNoProfiles"),
    /** The mandate does not fit the application's rules (type, mandator kind, validity). */
    INVALID_MANDATE("1108", "govidMandateInvalid"),
    /** The application requires acting for someone else, but no mandate came back. */
    MANDATE_REQUIRED("1108", "govidMandateRequired"),
    /** The person chose "on behalf of someone" where that is optional, but no mandate came back. */
    MANDATE_NOT_CHOSEN("1108", "govidMandateNotChosen"),
    /** The application does not allow acting for someone else. */
    REPRESENTATION_OFF("1108", "govidMandateNotAllowed"),
    /** The mandate's own document says it is not valid today (ended, or not yet begun). */
    MANDATE_EXPIRED("1108", "govidMandateExpired"),
    /** The person said they act for themselves, yet the eID system sent a mandate. */
    NOT_REQUESTED("1108", "govidMandateNotRequested");

    private final String moaStatusCode;
    private final String messageKey;

    MandateViolation(String moaStatusCode, String messageKey) {
        this.moaStatusCode = moaStatusCode;
        this.messageKey = messageKey;
    }

    public String moaStatusCode() {
        return moaStatusCode;
    }

    public String messageKey() {
        return messageKey;
    }
}
