package dev.govid.keycloak.saml1;

import java.util.Arrays;
import java.util.Optional;

/**
 * The protocol-independent MOA-ID status codes we send to SAML1 applications, with the handbook's German text
 * (MOA-ID 4.x handbook, chapter "Statuscodes") and an English one. In a SAML1 error response the code goes into
 * the nested {@code samlp:StatusCode} under a generic SAML1 code (see {@link #samlStatus()}).
 *
 * <p>GetAuthenticationData failures: the handbook names only 6300 for artifacts ("Fehlerhaftes SAML Artifact
 * Format"). An artifact that is well formed but unknown, expired, already used, or issued to another
 * application is answered with 1100 (invalid MOA session: the artifact is the session handle) in all four
 * cases, so a caller cannot probe which artifacts exist for other applications. A request whose
 * {@code samlp:Request} cannot be read is 1101 (error parsing a parameter).
 */
public enum MoaStatus {
    LOGIN_NOT_SUPPORTED_FOR_APPLICATION(
            1000,
            Saml1StatusCode.REQUESTER,
            "Anmeldung an der angeforderten Online-Applikation wird nicht unterstützt.",
            "Login to the requested online application is not supported."),
    LOGIN_IN_PROGRESS(
            1001,
            Saml1StatusCode.REQUESTER,
            "Es ist bereits eine Anmeldung im Gange.",
            "A login is already in progress."),
    INVALID_PARAMETER(1002, Saml1StatusCode.REQUESTER, "Fehlerhafter Parameter", "Invalid parameter."),
    HTTPS_REQUIRED(
            1003, Saml1StatusCode.REQUESTER, "Anfrage nur über https möglich", "Request only possible over https."),
    CANCELLED_BY_USER(
            1005,
            Saml1StatusCode.RESPONDER,
            "Die Authentifizierung wurde durch den Benutzer abgebrochen",
            "The authentication was cancelled by the user."),
    MANDATE_NOT_SUPPORTED_FOR_PRIVATE_SECTOR(
            1006,
            Saml1StatusCode.REQUESTER,
            "Vollmachtsmodus für nicht-öffentlichen Bereich wird nicht unterstützt.",
            "Mandate mode is not supported for the private sector."),
    MANDATE_NOT_SUPPORTED_FOR_FOREIGN_PERSONS(
            1007,
            Saml1StatusCode.RESPONDER,
            "Vollmachtsmodus für ausländische Personen wird nicht unterstützt.",
            "Mandate mode is not supported for foreign persons."),
    MINIMUM_IDENTIFICATION_DATA_MISSING(
            1008,
            Saml1StatusCode.RESPONDER,
            "Es konnten nicht alle minimal erforderlichen Identifikations- oder Authentifikationsmerkmale ermittelt werden.",
            "Not all minimally required identification or authentication attributes could be determined."),
    /** Unknown, expired, already fetched, or another application's artifact (deliberately one answer). */
    ARTIFACT_UNKNOWN(
            1100,
            Saml1StatusCode.REQUESTER,
            "Ungültige MOA SessionID",
            "Invalid MOA session id (unknown, expired or already used SAML artifact)."),
    REQUEST_NOT_PARSEABLE(
            1101, Saml1StatusCode.REQUESTER, "Fehler beim Parsen eines Parameters", "Error parsing a parameter."),
    MANDATE_INVALID(
            1108,
            Saml1StatusCode.RESPONDER,
            "Fehler beim Validieren der Online Vollmacht.",
            "Error validating the online mandate."),
    INVALID_SSO_SESSION(
            1110, Saml1StatusCode.RESPONDER, "Ungültige Single Sign-On Session", "Invalid single sign-on session."),
    ACCESS_DENIED(
            1111,
            Saml1StatusCode.RESPONDER,
            "Der Anmeldevorgang wurde automatisiert abgebrochten da dem Benutzer die nötigen Zugriffsrechte für diese Online Applikation fehlen.",
            "The login was aborted because the user lacks the access rights for this online application."),
    AUTHENTICATION_DATA_NOT_BUILDABLE(
            4400,
            Saml1StatusCode.RESPONDER,
            "Fehler beim Generieren der Anmeldedaten",
            "Error generating the authentication data."),
    PROTOCOL_NOT_SUPPORTED(
            6000,
            Saml1StatusCode.REQUESTER,
            "Das Authentifizierungsprotokoll wurde nicht erkannt oder wird nicht unterstützt",
            "The authentication protocol was not recognised or is not supported."),
    ARTIFACT_MALFORMED(
            6300, Saml1StatusCode.REQUESTER, "Fehlerhaftes SAML Artifact Format", "Malformed SAML artifact."),
    NO_MANDATE_PROFILES_CONFIGURED(
            9006,
            Saml1StatusCode.RESPONDER,
            "Es sind keine Vollmachtsprofile konfiguriert.",
            "No mandate profiles are configured."),
    INTERNAL_ERROR(9199, Saml1StatusCode.RESPONDER, "Allgemeiner interner Fehler", "General internal error.");

    private final int code;
    private final Saml1StatusCode samlStatus;
    private final String german;
    private final String english;

    MoaStatus(int code, Saml1StatusCode samlStatus, String german, String english) {
        this.code = code;
        this.samlStatus = samlStatus;
        this.german = german;
        this.english = english;
    }

    /** The status with this MOA-ID code, if it is one of ours. */
    public static java.util.Optional<MoaStatus> byCode(int code) {
        return java.util.Arrays.stream(values())
                .filter(status -> status.code == code)
                .findFirst();
    }

    public int code() {
        return code;
    }

    /** The generic SAML1 code that carries this MOA-ID code: Requester when the caller's input was at fault. */
    public Saml1StatusCode samlStatus() {
        return samlStatus;
    }

    public String german() {
        return german;
    }

    public String english() {
        return english;
    }

    /**
     * The nested {@code samlp:StatusCode/@Value}: {@code moa:E<code>} with {@code moa} bound to MOA-ID's
     * namespace. The attribute is an {@code xsd:QName} in both SAML 1.0 and 1.1, and a QName's local part cannot
     * start with a digit, so {@code moa:1100} would be schema-invalid; the {@code E} keeps it valid and the number
     * readable. The bare number travels in {@code samlp:StatusMessage} (first word) and
     * {@code samlp:StatusDetail/moa:StatusCode} (see docs/saml1.md, "Error status").
     */
    public String qualifiedValue() {
        return Saml1Xml.MOA_PREFIX + ":E" + code;
    }

    public static Optional<MoaStatus> ofCode(int code) {
        return Arrays.stream(values()).filter(status -> status.code == code).findFirst();
    }
}
