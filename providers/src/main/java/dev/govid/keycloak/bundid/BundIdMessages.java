package dev.govid.keycloak.bundid;

/**
 * Message keys of the BundID error pages. The texts live in the provider jar's
 * {@code theme-resources/messages}, so every login theme shows them in the user's language.
 */
public final class BundIdMessages {

    public static final String CANCELLED = "govidBundIdCancelled";
    public static final String REQUIRED_ATTRIBUTES_MISSING = "govidBundIdRequiredAttributesMissing";
    public static final String REQUEST_DENIED = "govidBundIdRequestDenied";
    public static final String LEVEL_TOO_LOW = "govidBundIdLevelTooLow";
    public static final String LEVEL_MISSING = "govidBundIdLevelMissing";
    public static final String METHOD_NOT_ALLOWED = "govidBundIdMethodNotAllowed";
    public static final String TEMPORARY_LOGIN_REJECTED = "govidBundIdTemporaryLoginRejected";
    public static final String RESPONSE_NOT_SIGNED = "govidBundIdResponseNotSigned";
    public static final String IDP_ERROR = "govidBundIdError";

    private BundIdMessages() {}
}
