package dev.govid.keycloak.revisionlog;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The revision log's bookkeeping of a login in progress, kept as client notes of its authentication session so
 * that it follows the login from request to request and from node to node: the transaction id and attempt
 * counter, the events waiting to be written, and the facts the statistics record needs at the end.
 */
final class TransactionNotes {
    private static final String PREFIX = "govid.revlog.";
    static final String TRANSACTION = "govid.revlog.tx";
    static final String ATTEMPT = "govid.revlog.attempt";
    static final String EID_ENTITY = "govid.revlog.eid";
    static final String EID_METHOD = "govid.revlog.eidMethod";
    static final String MANDATE_TYPE = "govid.revlog.mandateType";
    static final String MANDATOR_KIND = "govid.revlog.mandatorKind";
    static final String PV_OID = "govid.revlog.pvOid";
    /** The login's events so far ({@link EventsJson}), written by the request that ends the login. */
    static final String DEFERRED = "govid.revlog.events";
    /** On the user session: a session start has been logged for it, so a later login into it is an SSO login. */
    static final String USER_SESSION_NOTE = "govid.revlog.session";

    private TransactionNotes() {}

    /** The id of the transaction in progress, or null when none is open. */
    static String transactionId(AuthenticationSessionModel authSession) {
        return authSession.getClientNote(TRANSACTION);
    }

    /**
     * Opens the next transaction of this tab: {@code <root authentication session id>.<tab id>}, plus the attempt
     * number from the second attempt on (a retry after an error). Events waiting from an earlier attempt are dropped.
     */
    static String open(AuthenticationSessionModel authSession) {
        int attempt = parse(authSession.getClientNote(ATTEMPT)) + 1;
        String transactionId = authSession.getParentSession().getId() + "." + authSession.getTabId()
                + (attempt > 1 ? "." + attempt : "");
        authSession.setClientNote(TRANSACTION, transactionId);
        authSession.setClientNote(ATTEMPT, Integer.toString(attempt));
        authSession.removeClientNote(DEFERRED);
        return transactionId;
    }

    /** The transaction ends in this request: nothing of it waits in the authentication session any more. */
    static void close(AuthenticationSessionModel authSession) {
        authSession.removeClientNote(TRANSACTION);
        authSession.removeClientNote(DEFERRED);
    }

    static String deferred(AuthenticationSessionModel authSession) {
        return authSession.getClientNote(DEFERRED);
    }

    static void defer(AuthenticationSessionModel authSession, String events) {
        authSession.setClientNote(DEFERRED, events);
    }

    /** Keycloak gives the user session the id of the root authentication session. */
    static String sessionIdOf(AuthenticationSessionModel authSession) {
        return authSession.getParentSession().getId();
    }

    /**
     * Keycloak copies an authentication session's client notes into the client session it creates, and keeps
     * them for the session's life (in the database, with persistent sessions). The log's bookkeeping notes are
     * of no use there, so they go.
     */
    static void forgetInClientSession(UserSessionModel userSession, ClientModel client) {
        AuthenticatedClientSessionModel clientSession = userSession == null || client == null
                ? null
                : userSession.getAuthenticatedClientSessionByClient(client.getId());
        if (clientSession != null) {
            clientSession.getNotes().keySet().stream()
                    .filter(note -> note.startsWith(PREFIX))
                    .toList()
                    .forEach(clientSession::removeNote);
        }
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
