package dev.govid.keycloak.revisionlog;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Turns Keycloak's own login events into revision-log codes: a finished login ends the transaction (and
 * starts the session, 1000/1002, unless it is an SSO login), a login error ends it with 1103, a logout ends
 * the session. Created per session by {@link RevisionLogEventListenerFactory}; the realm attribute
 * {@code govid.revisionlog.enabled} decides whether anything is written.
 */
public final class RevisionLogEventListener implements EventListenerProvider {
    private static final Logger LOG = Logger.getLogger(RevisionLogEventListener.class);

    private final KeycloakSession session;

    RevisionLogEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || !EventSelection.isEnabled(realm) || !realm.getId().equals(event.getRealmId())) {
            return;
        }
        EventType type = event.getType();
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession == null && type == EventType.LOGIN_ERROR) {
            authSession = authenticationSessionOfTheRequest(realm, event.getClientId());
        }
        switch (type) {
            case LOGIN -> {
                if (authSession == null) {
                    LOG.warnf(
                            "LOGIN event without an authentication session in context; revision log cannot place it (session %s)",
                            event.getSessionId());
                    return;
                }
                UserSessionModel userSession = event.getSessionId() == null
                        ? null
                        : session.sessions().getUserSession(realm, event.getSessionId());
                RevisionLog.of(session).loginSucceeded(authSession, userSession);
            }
            case IDENTITY_PROVIDER_RESPONSE_ERROR -> {
                // Keycloak's SAML endpoint refused the eID response itself (signature, destination, expiry, …).
                if (authSession != null) {
                    RevisionLog.of(session)
                            .eidFailed(
                                    authSession,
                                    event.getError(),
                                    "Keycloak refused the eID response: " + event.getError());
                }
            }
            case LOGIN_ERROR,
                    IDENTITY_PROVIDER_LOGIN_ERROR,
                    IDENTITY_PROVIDER_FIRST_LOGIN_ERROR,
                    IDENTITY_PROVIDER_POST_LOGIN_ERROR -> {
                if (authSession != null) {
                    RevisionLog.of(session)
                            .loginFailed(
                                    authSession,
                                    "Keycloak",
                                    event.getError(),
                                    "Keycloak " + type + ": " + event.getError());
                }
            }
            case LOGOUT ->
                RevisionLog.of(session).sessionEnded(realm, event.getSessionId(), event.getClientId(), false);
            case LOGOUT_ERROR ->
                RevisionLog.of(session).sessionEnded(realm, event.getSessionId(), event.getClientId(), true);
            default -> {}
        }
    }

    /**
     * A form of the browser flow (a wrong password, say) reports its error before Keycloak has put the
     * authentication session into the context; the request's tab id and the session cookie find it.
     */
    private AuthenticationSessionModel authenticationSessionOfTheRequest(RealmModel realm, String clientId) {
        String tabId = session.getContext().getUri() == null
                ? null
                : session.getContext().getUri().getQueryParameters().getFirst(Constants.TAB_ID);
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (tabId == null || client == null) {
            return null;
        }
        return new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    @Override
    public void close() {}
}
