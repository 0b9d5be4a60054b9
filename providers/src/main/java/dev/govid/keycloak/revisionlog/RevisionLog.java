package dev.govid.keycloak.revisionlog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import dev.govid.keycloak.metrics.LoginOutcomes;
import dev.govid.keycloak.settings.Misconfiguration;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.Provider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one place our packages and Keycloak's events report revision-log events to: the provider of the SPI
 * {@code govid-revision-log}, one instance per {@link KeycloakSession} (i.e. per request), created by
 * {@link RevisionLogProviderFactory}, which owns what outlives a request (the chains, the unfinished logins,
 * the timers). The login's bookkeeping lives in {@link TransactionNotes}, the writing in {@link RevisionLogWriter}.
 *
 * <p>A login's events wait in its authentication session until the request that ends the login (Keycloak's
 * LOGIN, or the failure) and are written in that request's database transaction — the login's own, so a
 * login and all its log entries are stored together or not at all, and a login costs one database write
 * rather than one per request. An attempt that never ends is written when its authentication session expires
 * ({@link UnfinishedTransactions}). Events outside a login (logout) are written in their own request.
 *
 * <p>A <em>transaction</em> (MOA-ID's Transaktion) is one login attempt in one browser tab: Keycloak's
 * authentication session, identified as {@code <root authentication session id>.<tab id>} (plus a counter
 * when the person retries after an error). A <em>session</em> is Keycloak's user session; Keycloak gives
 * the user session the id of the root authentication session, so every transaction row carries the session
 * id the login leads to.
 */
public final class RevisionLog implements Provider {
    /** The plain-text copy, one line per committed event; route it to its own file (docs/revision-log.md). */
    public static final String PLAIN_TEXT_CATEGORY = "govid.revisionlog";

    private final KeycloakSession session;
    private final RevisionLogWriter writer;
    private final List<String> serverPseudonymKeys;
    private final Map<String, EventSelection> selections = new HashMap<>();
    private final Map<String, PseudonymKeys> pseudonymKeys = new HashMap<>();
    private boolean failedInThisRequest;

    RevisionLog(
            KeycloakSession session,
            ChainWriter chains,
            UnfinishedTransactions unfinished,
            List<String> serverPseudonymKeys) {
        this.session = session;
        this.writer = new RevisionLogWriter(session, chains, unfinished);
        this.serverPseudonymKeys = serverPseudonymKeys;
    }

    /** This request's revision log (Keycloak keeps one provider instance per session). */
    public static RevisionLog of(KeycloakSession session) {
        return session.getProvider(RevisionLog.class);
    }

    @Override
    public void close() {}

    // ---- transactions (one login attempt in one tab) ----

    /** Reports an event of the login in progress; opens its transaction first if needed. */
    public void event(AuthenticationSessionModel authSession, EventCode code, String value) {
        if (!isOn(authSession)) {
            return;
        }
        addToTransaction(
                authSession, startTransaction(authSession), code, value, TransactionNotes.sessionIdOf(authSession));
    }

    /** The person who authenticated, pseudonymised (5002). */
    public void person(
            AuthenticationSessionModel authSession, String givenName, String familyName, String dateOfBirth) {
        if (isOn(authSession)) {
            event(
                    authSession,
                    EventCode.PERSON,
                    personPseudonym(authSession.getRealm(), givenName, familyName, dateOfBirth));
        }
    }

    /** The person who authenticated, known only by a person key (a BSN: DigiD sends no names), pseudonymised (5002). */
    public void personByKey(AuthenticationSessionModel authSession, String personKey) {
        if (isOn(authSession)) {
            event(authSession, EventCode.PERSON, identifierPseudonym(authSession.getRealm(), personKey));
        }
    }

    /** The value logged when the realm wants keyed pseudonyms but has no key: no person data at all. */
    static final String NO_PSEUDONYM_KEY = "{\"unavailable\":\"no pseudonym key configured\"}";

    private String personPseudonym(RealmModel realm, String givenName, String familyName, String dateOfBirth) {
        if (EventSelection.pseudonymScheme(realm) == EventSelection.PseudonymScheme.SALTED_SHA256) {
            return PersonPseudonym.of(givenName, familyName, dateOfBirth);
        }
        return pseudonymKeys(realm)
                .current()
                .map(key -> PersonPseudonym.keyed(key, givenName, familyName, dateOfBirth))
                .orElseGet(() -> noKey(realm));
    }

    private String identifierPseudonym(RealmModel realm, String identifier) {
        if (EventSelection.pseudonymScheme(realm) == EventSelection.PseudonymScheme.SALTED_SHA256) {
            return PersonPseudonym.ofIdentifier(identifier);
        }
        return pseudonymKeys(realm)
                .current()
                .map(key -> PersonPseudonym.keyedIdentifier(key, identifier))
                .orElseGet(() -> noKey(realm));
    }

    /** Read once per request and realm: the vault may be a file or a remote store. */
    PseudonymKeys pseudonymKeys(RealmModel realm) {
        return pseudonymKeys.computeIfAbsent(
                realm.getId(), id -> PseudonymKeys.of(session, realm, serverPseudonymKeys));
    }

    private static String noKey(RealmModel realm) {
        Misconfiguration.logOnce("Realm '" + realm.getName() + "' logs keyed pseudonyms but has no key (vault entry "
                + PseudonymKeys.VAULT_ENTRY
                + " or the server option pseudonym-keys of the govid-revision-log event listener):"
                + " person events are written without person data until one is configured (docs/revision-log.md)");
        return NO_PSEUDONYM_KEY;
    }

    /** Facts the statistics record needs later in the login (eID system, method, mandate), kept as client notes. */
    public static void remember(AuthenticationSessionModel authSession, String note, String value) {
        if (value != null && EventSelection.isEnabled(authSession.getRealm())) {
            authSession.setClientNote(note, value);
        }
    }

    /** Keycloak finished the login: the session starts (unless this is an SSO login into an existing one), the transaction ends. */
    void loginSucceeded(AuthenticationSessionModel authSession, UserSessionModel userSession) {
        if (!isOn(authSession)) {
            return;
        }
        String transactionId = startTransaction(authSession);
        String sessionId = userSession != null ? userSession.getId() : TransactionNotes.sessionIdOf(authSession);
        boolean sso = userSession != null && userSession.getNote(TransactionNotes.USER_SESSION_NOTE) != null;
        if (!sso) {
            addToTransaction(authSession, transactionId, EventCode.SESSION_STARTED, sessionId, sessionId);
            addToTransaction(authSession, transactionId, EventCode.SESSION_IP, remoteAddress(), sessionId);
            if (userSession != null) {
                userSession.setNote(TransactionNotes.USER_SESSION_NOTE, "1");
            }
        }
        addToTransaction(authSession, transactionId, EventCode.PROCESS_FINISHED, null, sessionId);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_ENDED, transactionId, sessionId);
        endTransaction(authSession, transactionId);
        writer.addStatistic(LoginStatistics.success(session, authSession, sso));
        TransactionNotes.forgetInClientSession(userSession, authSession.getClient());
    }

    /**
     * The login attempt failed: the transaction ends with an error and the statistics get a failure record.
     * Reported once per request — our own refusal and Keycloak's error event for it are one failure.
     */
    public void loginFailed(
            AuthenticationSessionModel authSession, String exceptionType, String exceptionCode, String message) {
        LoginOutcomes.refused(session, authSession, exceptionCode);
        if (!isOn(authSession) || failedInThisRequest) {
            return;
        }
        failedInThisRequest = true;
        String transactionId = startTransaction(authSession);
        addToTransaction(
                authSession,
                transactionId,
                EventCode.TRANSACTION_ERROR,
                transactionId,
                TransactionNotes.sessionIdOf(authSession));
        endTransaction(authSession, transactionId);
        writer.addStatistic(LoginStatistics.failure(session, authSession, exceptionType, exceptionCode, message));
    }

    /** An eID system refused or sent something invalid (6303), then the transaction fails. */
    public void eidFailed(AuthenticationSessionModel authSession, String exceptionCode, String message) {
        event(authSession, EventCode.EID_ERROR, null);
        loginFailed(authSession, "EidSystem", exceptionCode, message);
    }

    /** Our eID provider sent the person to the eID system (6300 with its EntityID, 6301 with the AuthnRequest ID). */
    public void eidRequested(AuthenticationSessionModel authSession, String entityId, String requestId) {
        if (!isOn(authSession)) {
            return;
        }
        remember(authSession, TransactionNotes.EID_ENTITY, entityId);
        event(authSession, EventCode.EID_SELECTED, entityId);
        event(authSession, EventCode.EID_CONTACTED, requestId);
    }

    /** The eID system's response passed every check (6302 with the Response ID, 6304 with how many attributes came). */
    public void eidResponded(AuthenticationSessionModel authSession, String responseId, int attributes, String method) {
        if (!isOn(authSession)) {
            return;
        }
        remember(authSession, TransactionNotes.EID_METHOD, method);
        event(authSession, EventCode.EID_VALID_RESPONSE, responseId);
        event(authSession, EventCode.EID_ATTRIBUTES_RECEIVED, attributes + " attributes");
    }

    /**
     * The mandate the person acts under (5100, 5101, then 5102 for a natural mandator — pseudonymised — or 5103
     * with a legal person's base id, and 5000/5001 for a professional representative, its bPK pseudonymised too).
     */
    public void mandate(AuthenticationSessionModel authSession, Mandate mandate, String actingPersonKey) {
        if (!isOn(authSession) || mandate == null) {
            return;
        }
        String type = mandate.type() != null ? mandate.type() : mandate.typeOid();
        remember(authSession, TransactionNotes.MANDATE_TYPE, type == null ? "unknown" : type);
        event(authSession, EventCode.MANDATE_TYPE, type);
        Mandate.Mandator mandator = mandate.mandator();
        if (mandator != null) {
            boolean legal = mandator.kind() == MandatorKind.LEGAL;
            remember(authSession, TransactionNotes.MANDATOR_KIND, legal ? "jur" : "nat");
            event(authSession, EventCode.MANDATOR_KIND, legal ? "jur" : "nat");
            if (legal) {
                event(authSession, EventCode.REPRESENTED_LEGAL_PERSON, mandator.identifier());
            } else {
                boolean nameless =
                        mandator.givenName() == null && mandator.familyName() == null && mandator.birthdate() == null;
                event(
                        authSession,
                        EventCode.REPRESENTED_PERSON,
                        nameless && mandator.identifier() != null
                                ? identifierPseudonym(authSession.getRealm(), mandator.identifier())
                                : personPseudonym(
                                        authSession.getRealm(),
                                        mandator.givenName(),
                                        mandator.familyName(),
                                        mandator.birthdate() == null
                                                ? null
                                                : mandator.birthdate().toString()));
            }
        }
        Mandate.ProfessionalRepresentative representative = mandate.professionalRepresentative();
        if (representative != null) {
            remember(authSession, TransactionNotes.PV_OID, representative.oid());
            event(
                    authSession,
                    EventCode.PROFESSIONAL_REPRESENTATIVE_BPK,
                    identifierPseudonym(authSession.getRealm(), actingPersonKey));
            event(authSession, EventCode.PROFESSIONAL_REPRESENTATIVE_OID, representative.oid());
        }
    }

    // ---- sessions ----

    void sessionEnded(RealmModel realm, String sessionId, String clientId, boolean byError) {
        if (!EventSelection.isEnabled(realm) || sessionId == null) {
            return;
        }
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (selection(realm, client).includes(byError ? EventCode.SESSION_ERROR : EventCode.SESSION_ENDED)) {
            writer.addNow(new PendingEvent(
                    realm.getId(),
                    System.currentTimeMillis(),
                    byError ? EventCode.SESSION_ERROR : EventCode.SESSION_ENDED,
                    sessionId,
                    null,
                    sessionId,
                    clientId));
        }
    }

    /** A login whose authentication session expired unfinished (see {@link UnfinishedTransactions}): its events so far, then 1103. */
    void abandoned(UnfinishedTransactions.Unfinished unfinished) {
        unfinished.events().forEach(writer::addNow);
        PendingEvent last = unfinished.events().get(unfinished.events().size() - 1);
        writer.addNow(new PendingEvent(
                unfinished.realmId(),
                System.currentTimeMillis(),
                EventCode.TRANSACTION_ERROR,
                unfinished.transactionId(),
                unfinished.transactionId(),
                last.sessionId(),
                last.clientId()));
        LoginStatistic statistic = unfinished.statistic();
        statistic.setCreated(System.currentTimeMillis());
        writer.addStatistic(statistic);
    }

    // ---- internals ----

    private boolean isOn(AuthenticationSessionModel authSession) {
        return authSession != null && EventSelection.isEnabled(authSession.getRealm());
    }

    private String startTransaction(AuthenticationSessionModel authSession) {
        String transactionId = TransactionNotes.transactionId(authSession);
        if (transactionId != null) {
            return transactionId;
        }
        transactionId = TransactionNotes.open(authSession);
        String sessionId = TransactionNotes.sessionIdOf(authSession);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_STARTED, transactionId, sessionId);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_IP, remoteAddress(), sessionId);
        addToTransaction(
                authSession,
                transactionId,
                EventCode.PROTOCOL,
                LoginStatistics.protocolName(authSession.getProtocol()),
                sessionId);
        addToTransaction(authSession, transactionId, EventCode.PROCESS_STARTED, null, sessionId);
        return transactionId;
    }

    /** The login ends in this request: all its events, the waiting ones first, are written when this request commits. */
    private void endTransaction(AuthenticationSessionModel authSession, String transactionId) {
        TransactionNotes.close(authSession);
        writer.endTransaction(transactionId);
    }

    private String remoteAddress() {
        return session.getContext().getConnection() == null
                ? null
                : session.getContext().getConnection().getRemoteAddr();
    }

    /** An event of a login in progress, if the realm's and client's selection includes it. */
    private void addToTransaction(
            AuthenticationSessionModel authSession,
            String transactionId,
            EventCode code,
            String value,
            String sessionId) {
        ClientModel client = authSession.getClient();
        if (!selection(authSession.getRealm(), client).includes(code) || writer.tooLate(code)) {
            return;
        }
        writer.addToTransaction(
                authSession,
                transactionId,
                new PendingEvent(
                        authSession.getRealm().getId(),
                        System.currentTimeMillis(),
                        code,
                        truncate(value, 1024),
                        transactionId,
                        sessionId,
                        client == null ? null : client.getClientId()));
    }

    /** The realm's and client's event list, parsed once per request rather than once per event. */
    private EventSelection selection(RealmModel realm, ClientModel client) {
        return selections.computeIfAbsent(
                realm.getId() + " " + (client == null ? "" : client.getId()), key -> EventSelection.of(realm, client));
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
