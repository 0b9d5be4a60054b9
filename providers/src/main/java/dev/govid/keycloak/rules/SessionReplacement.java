package dev.govid.keycloak.rules;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

/**
 * When only another eID system can satisfy a client, the fresh login will be another account, and Keycloak would
 * refuse it as "already authenticated as a different user". As a new MOA-ID authentication did, the fresh login
 * replaces the session: the session that does not fit is ended now, before the person is sent to the other eID
 * (the explanation on the next page says so). Ending it in the later request would come too late: Keycloak
 * attaches the new login to the browser's session in the same transaction.
 */
final class SessionReplacement {

    private static final Logger LOG = Logger.getLogger(SessionReplacement.class);

    private SessionReplacement() {}

    static void end(KeycloakSession session, RealmModel realm, UserSessionModel userSession) {
        LOG.debugf(
                "Single-sign-on session %s ends: the application needs a login with another eID", userSession.getId());
        // Not Keycloak's full logout: that also removes the root authentication session, which is this very login.
        session.sessions().removeUserSession(realm, userSession);
    }
}
