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
    /**
     * The login was asked for without mandate mode (the person chose "for myself", or the application said
     * {@code useMandate=false}), but the session's login is one on behalf of someone else.
     */
    MANDATE_NOT_ASKED("1108", "govidMandateNotAsked");

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
