package dev.govid.keycloak.digid;

/**
 * Message keys of the DigiD pages; the texts live in the provider jar's {@code theme-resources/messages} (nl, en, de).
 */
public final class DigidMessages {

    public static final String CANCELLED = "govidDigidCancelled";
    public static final String AUTHN_FAILED = "govidDigidAuthnFailed";
    public static final String LEVEL_TOO_LOW = "govidDigidLevelTooLow";
    public static final String LEVEL_MISSING = "govidDigidLevelMissing";
    public static final String REQUEST_DENIED = "govidDigidRequestDenied";
    public static final String REQUEST_UNSUPPORTED = "govidDigidRequestUnsupported";
    public static final String NO_SUPPORTED_IDP = "govidDigidNoSupportedIdp";
    public static final String IDP_ERROR = "govidDigidError";
    public static final String BSN_MISSING = "govidDigidBsnMissing";
    public static final String WRONG_SERVICE = "govidDigidWrongService";
    public static final String ARTIFACT_REFUSED = "govidDigidArtifactRefused";
    public static final String ARTIFACT_ONLY = "govidDigidArtifactOnly";
    public static final String BACK_CHANNEL = "govidDigidBackChannel";
    public static final String NOT_SIGNED = "govidDigidNotSigned";

    private DigidMessages() {}
}
