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

    private RepresentationRequest() {}

    public static void record(AuthenticationSessionModel authSession, boolean onBehalf) {
        authSession.setAuthNote(NOTE, onBehalf ? ON_BEHALF : SELF);
    }

    /**
     * Whether this login was asked for without mandate mode: the person answered "for myself", the client decided it,
     * or the protocol said so (MOA-ID's {@code useMandate=false}). A second application reached by SSO has no answer of
     * its own unless its protocol gave one, so its session's mandate, chosen in the first login, is judged by its rules.
     */
    public static boolean isDeclaredSelf(AuthenticationSessionModel authSession) {
        return SELF.equals(authSession.getAuthNote(NOTE));
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
