package dev.govid.keycloak.rules;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The user session this browser is signed in with, during a login. */
public final class BrowserSession {

    private BrowserSession() {}

    /**
     * The one the cookie step found in this request, else the one Keycloak will attach the login to (its id is the
     * root authentication session's, as {@code AuthenticationProcessor.attachSession} looks it up), else the cookie's.
     */
    public static UserSessionModel of(KeycloakSession session, AuthenticationSessionModel authSession) {
        UserSessionModel current = session.getContext().getUserSession();
        if (current != null) {
            return current;
        }
        UserSessionModel attached = session.sessions()
                .getUserSession(
                        authSession.getRealm(), authSession.getParentSession().getId());
        if (attached != null) {
            return attached;
        }
        AuthenticationManager.AuthResult cookie =
                AuthenticationManager.authenticateIdentityCookie(session, authSession.getRealm(), true);
        return cookie == null ? null : cookie.session();
    }
}
