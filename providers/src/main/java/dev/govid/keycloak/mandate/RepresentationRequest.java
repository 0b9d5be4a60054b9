package dev.govid.keycloak.mandate;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The person's answer to "for myself or on behalf of someone?", kept in the authentication session until
 * an eID profile builds its request (and asks for mandate attributes) and checks the response.
 */
public final class RepresentationRequest {

    public static final String NOTE = "govid.representation";
    static final String ON_BEHALF = "on-behalf";
    static final String SELF = "self";

    private RepresentationRequest() {
    }

    public static void record(AuthenticationSessionModel authSession, boolean onBehalf) {
        authSession.setAuthNote(NOTE, onBehalf ? ON_BEHALF : SELF);
    }

    /**
     * Whether this login was explicitly asked for without mandate mode ("for myself", MOA-ID's
     * {@code useMandate=false}) for a client that does not require one: a login on behalf of someone else does not
     * fit it, not even one an SSO session already has.
     */
    public static boolean isForSelf(AuthenticationSessionModel authSession) {
        return SELF.equals(authSession.getAuthNote(NOTE))
                && authSession.getClient() != null
                && RepresentationRules.of(authSession.getClient()).mode() != RepresentationMode.REQUIRED;
    }

    /** Whether mandate attributes should be requested for this login. */
    public static boolean isOnBehalf(AuthenticationSessionModel authSession) {
        if (ON_BEHALF.equals(authSession.getAuthNote(NOTE))) {
            return true;
        }
        return authSession.getClient() != null
                && RepresentationRules.of(authSession.getClient()).mode() == RepresentationMode.REQUIRED;
    }
}
