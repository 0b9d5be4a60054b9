package dev.govid.keycloak.saml1;

/**
 * A GetAuthenticationData call we cannot read as a SOAP 1.1 {@code samlp:Request}. Answered with a SOAP fault
 * ({@code soapenv:Client}), not with a SAML response: without a readable request there is no RequestID to
 * answer to.
 */
public class MalformedSoapRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong, for tests and logs; the fault text sent to the caller stays generic per reason. */
    public enum Reason {
        TOO_LARGE,
        NOT_XML,
        DOCTYPE_FORBIDDEN,
        NOT_SOAP_ENVELOPE,
        NO_SAML_REQUEST,
        MISSING_REQUEST_ID,
        UNSUPPORTED_VERSION,
        ARTIFACT_COUNT
    }

    private final Reason reason;

    public MalformedSoapRequestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MalformedSoapRequestException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
