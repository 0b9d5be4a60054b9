package dev.govid.keycloak.pvp;

/** Message keys of the ID Austria / PVP error pages (texts in the provider jar's theme-resources/messages). */
final class PvpMessages {

    static final String CANCELLED = "govidPvpCancelled";
    static final String REQUEST_DENIED = "govidPvpRequestDenied";
    static final String LEVEL_TOO_LOW = "govidPvpLevelTooLow";
    static final String LEVEL_MISSING = "govidPvpLevelMissing";
    static final String RESPONSE_NOT_SIGNED = "govidPvpResponseNotSigned";
    static final String TEST_IDENTITY = "govidPvpTestIdentity";
    static final String INVALID_ATTRIBUTE = "govidPvpInvalidAttribute";
    static final String BPK_MISSING = "govidPvpBpkMissing";
    static final String WRONG_SECTOR = "govidPvpWrongSector";
    static final String REQUIRED_ATTRIBUTES_MISSING = "govidPvpRequiredAttributesMissing";
    static final String IDP_ERROR = "govidPvpError";
    static final String VERSION_NOT_ACCEPTED = "govidPvpVersionNotAccepted";
    static final String SECTOR_MISMATCH = "govidPvpSectorMismatch";

    private PvpMessages() {}
}
