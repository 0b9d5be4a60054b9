package dev.govid.keycloak.revisionlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one place our rooms and Keycloak's events report revision-log events to. One instance per
 * {@link KeycloakSession} (i.e. per request).
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
public final class RevisionLog {
    private static final Logger LOG = Logger.getLogger(RevisionLog.class);
    /** The plain-text copy, one line per committed event; route it to its own file (docs/revision-log.md). */
    public static final String PLAIN_TEXT_CATEGORY = "govid.revisionlog";
    private static final Logger PLAIN = Logger.getLogger(PLAIN_TEXT_CATEGORY);

    private static final String NOTE_PREFIX = "govid.revlog.";
    static final String NOTE_TRANSACTION = "govid.revlog.tx";
    static final String NOTE_ATTEMPT = "govid.revlog.attempt";
    static final String NOTE_EID_ENTITY = "govid.revlog.eid";
    static final String NOTE_EID_METHOD = "govid.revlog.eidMethod";
    static final String NOTE_MANDATE_TYPE = "govid.revlog.mandateType";
    static final String NOTE_MANDATOR_KIND = "govid.revlog.mandatorKind";
    static final String NOTE_PV_OID = "govid.revlog.pvOid";
    static final String NOTE_DEFERRED = "govid.revlog.events";
    static final String USER_SESSION_NOTE = "govid.revlog.session";
    private static final String SESSION_ATTRIBUTE = RevisionLog.class.getName();

    private final KeycloakSession session;
    /** Written when this request commits: events outside a login, and every event of logins that end in this request. */
    private final List<PendingEvent> events = new ArrayList<>();
    /** Logins this request reported events for, by transaction id. */
    private final Map<String, OpenTransaction> open = new LinkedHashMap<>();
    private final List<UnfinishedTransactions.Unfinished> stillOpen = new ArrayList<>();
    private final Map<String, EventSelection> selections = new HashMap<>();
    private final List<LoginStatistic> statistics = new ArrayList<>();
    private final List<ChainWriter.Chain> appended = new ArrayList<>();
    private boolean enlisted;
    private boolean prepared;
    private boolean failedInThisRequest;

    private RevisionLog(KeycloakSession session) {
        this.session = session;
    }

    public static RevisionLog of(KeycloakSession session) {
        RevisionLog log = session.getAttribute(SESSION_ATTRIBUTE, RevisionLog.class);
        if (log == null) {
            log = new RevisionLog(session);
            session.setAttribute(SESSION_ATTRIBUTE, log);
        }
        return log;
    }

    // ---- transactions (one login attempt in one tab) ----

    /** Reports an event of the login in progress; opens its transaction first if needed. */
    public void event(AuthenticationSessionModel authSession, EventCode code, String value) {
        if (!isOn(authSession)) {
            return;
        }
        addToTransaction(authSession, startTransaction(authSession), code, value, sessionIdOf(authSession));
    }

    /** The person who authenticated, pseudonymised (5002). */
    public void person(AuthenticationSessionModel authSession, String givenName, String familyName, String dateOfBirth) {
        if (isOn(authSession)) {
            event(authSession, EventCode.PERSON, PersonPseudonym.of(givenName, familyName, dateOfBirth));
        }
    }

    /** The person who authenticated, known only by a person key (a BSN: DigiD sends no names), pseudonymised (5002). */
    public void personByKey(AuthenticationSessionModel authSession, String personKey) {
        if (isOn(authSession)) {
            event(authSession, EventCode.PERSON, PersonPseudonym.ofIdentifier(personKey));
        }
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
        String sessionId = userSession != null ? userSession.getId() : sessionIdOf(authSession);
        boolean sso = userSession != null && userSession.getNote(USER_SESSION_NOTE) != null;
        if (!sso) {
            addToTransaction(authSession, transactionId, EventCode.SESSION_STARTED, sessionId, sessionId);
            addToTransaction(authSession, transactionId, EventCode.SESSION_IP, remoteAddress(), sessionId);
            if (userSession != null) {
                userSession.setNote(USER_SESSION_NOTE, "1");
            }
        }
        addToTransaction(authSession, transactionId, EventCode.PROCESS_FINISHED, null, sessionId);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_ENDED, transactionId, sessionId);
        endTransaction(authSession, transactionId);
        statistics.add(LoginStatistics.success(session, authSession, sso));
        forgetNotesOfTheLogin(userSession, authSession.getClient());
        enlist();
    }

    /**
     * Keycloak copies an authentication session's client notes into the client session it creates, and keeps
     * them for the session's life (in the database, with persistent sessions). The log's bookkeeping notes are
     * of no use there, so they go.
     */
    private static void forgetNotesOfTheLogin(UserSessionModel userSession, ClientModel client) {
        AuthenticatedClientSessionModel clientSession = userSession == null || client == null ? null
                : userSession.getAuthenticatedClientSessionByClient(client.getId());
        if (clientSession != null) {
            clientSession.getNotes().keySet().stream().filter(note -> note.startsWith(NOTE_PREFIX)).toList()
                    .forEach(clientSession::removeNote);
        }
    }

    /**
     * The login attempt failed: the transaction ends with an error and the statistics get a failure record.
     * Reported once per request — our own refusal and Keycloak's error event for it are one failure.
     */
    public void loginFailed(AuthenticationSessionModel authSession, String exceptionType, String exceptionCode, String message) {
        if (!isOn(authSession) || failedInThisRequest) {
            return;
        }
        failedInThisRequest = true;
        String transactionId = startTransaction(authSession);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_ERROR, transactionId, sessionIdOf(authSession));
        endTransaction(authSession, transactionId);
        statistics.add(LoginStatistics.failure(session, authSession, exceptionType, exceptionCode, message));
        enlist();
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
        remember(authSession, NOTE_EID_ENTITY, entityId);
        event(authSession, EventCode.EID_SELECTED, entityId);
        event(authSession, EventCode.EID_CONTACTED, requestId);
    }

    /** The eID system's response passed every check (6302 with the Response ID, 6304 with how many attributes came). */
    public void eidResponded(AuthenticationSessionModel authSession, String responseId, int attributes, String method) {
        if (!isOn(authSession)) {
            return;
        }
        remember(authSession, NOTE_EID_METHOD, method);
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
        remember(authSession, NOTE_MANDATE_TYPE, type == null ? "unknown" : type);
        event(authSession, EventCode.MANDATE_TYPE, type);
        Mandate.Mandator mandator = mandate.mandator();
        if (mandator != null) {
            boolean legal = mandator.kind() == MandatorKind.LEGAL;
            remember(authSession, NOTE_MANDATOR_KIND, legal ? "jur" : "nat");
            event(authSession, EventCode.MANDATOR_KIND, legal ? "jur" : "nat");
            if (legal) {
                event(authSession, EventCode.REPRESENTED_LEGAL_PERSON, mandator.identifier());
            } else {
                boolean nameless = mandator.givenName() == null && mandator.familyName() == null && mandator.birthdate() == null;
                event(authSession, EventCode.REPRESENTED_PERSON, nameless && mandator.identifier() != null
                        ? PersonPseudonym.ofIdentifier(mandator.identifier())
                        : PersonPseudonym.of(mandator.givenName(), mandator.familyName(),
                                mandator.birthdate() == null ? null : mandator.birthdate().toString()));
            }
        }
        Mandate.ProfessionalRepresentative representative = mandate.professionalRepresentative();
        if (representative != null) {
            remember(authSession, NOTE_PV_OID, representative.oid());
            event(authSession, EventCode.PROFESSIONAL_REPRESENTATIVE_BPK, PersonPseudonym.ofIdentifier(actingPersonKey));
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
            addNow(new PendingEvent(realm.getId(), System.currentTimeMillis(), byError ? EventCode.SESSION_ERROR : EventCode.SESSION_ENDED,
                    sessionId, null, sessionId, clientId));
        }
    }

    /** A login whose authentication session expired unfinished (see {@link UnfinishedTransactions}): its events so far, then 1103. */
    void abandoned(UnfinishedTransactions.Unfinished unfinished) {
        unfinished.events().forEach(this::addNow);
        PendingEvent last = unfinished.events().get(unfinished.events().size() - 1);
        addNow(new PendingEvent(unfinished.realmId(), System.currentTimeMillis(), EventCode.TRANSACTION_ERROR, unfinished.transactionId(),
                unfinished.transactionId(), last.sessionId(), last.clientId()));
        LoginStatistic statistic = unfinished.statistic();
        statistic.setCreated(System.currentTimeMillis());
        statistics.add(statistic);
    }

    // ---- internals ----

    private boolean isOn(AuthenticationSessionModel authSession) {
        return authSession != null && EventSelection.isEnabled(authSession.getRealm());
    }

    private String startTransaction(AuthenticationSessionModel authSession) {
        String transactionId = authSession.getClientNote(NOTE_TRANSACTION);
        if (transactionId != null) {
            return transactionId;
        }
        int attempt = parse(authSession.getClientNote(NOTE_ATTEMPT)) + 1;
        transactionId = authSession.getParentSession().getId() + "." + authSession.getTabId() + (attempt > 1 ? "." + attempt : "");
        authSession.setClientNote(NOTE_TRANSACTION, transactionId);
        authSession.setClientNote(NOTE_ATTEMPT, Integer.toString(attempt));
        authSession.removeClientNote(NOTE_DEFERRED);
        String sessionId = sessionIdOf(authSession);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_STARTED, transactionId, sessionId);
        addToTransaction(authSession, transactionId, EventCode.TRANSACTION_IP, remoteAddress(), sessionId);
        addToTransaction(authSession, transactionId, EventCode.PROTOCOL, LoginStatistics.protocolName(authSession.getProtocol()), sessionId);
        addToTransaction(authSession, transactionId, EventCode.PROCESS_STARTED, null, sessionId);
        return transactionId;
    }

    /** The login ends in this request: all its events, the waiting ones first, are written when this request commits. */
    private void endTransaction(AuthenticationSessionModel authSession, String transactionId) {
        authSession.removeClientNote(NOTE_TRANSACTION);
        authSession.removeClientNote(NOTE_DEFERRED);
        OpenTransaction transaction = open.get(transactionId);
        if (transaction != null) {
            transaction.ended = true;
            transaction.events.forEach(this::addNow);
        }
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String sessionIdOf(AuthenticationSessionModel authSession) {
        return authSession.getParentSession().getId();
    }

    private String remoteAddress() {
        return session.getContext().getConnection() == null ? null : session.getContext().getConnection().getRemoteAddr();
    }

    /**
     * An event of a login in progress. It joins the login's waiting events in the authentication session; only
     * when a node already holds {@link UnfinishedTransactions#CAPACITY} waiting logins does a new login's
     * event go straight to this request's write instead.
     */
    private void addToTransaction(AuthenticationSessionModel authSession, String transactionId, EventCode code, String value, String sessionId) {
        ClientModel client = authSession.getClient();
        if (!selection(authSession.getRealm(), client).includes(code) || tooLate(code)) {
            return;
        }
        PendingEvent event = new PendingEvent(authSession.getRealm().getId(), System.currentTimeMillis(), code, truncate(value, 1024),
                transactionId, sessionId, client == null ? null : client.getClientId());
        OpenTransaction transaction = open.get(transactionId);
        if (transaction == null) {
            String note = authSession.getClientNote(NOTE_DEFERRED);
            if (note == null && !UnfinishedTransactions.hasRoom()) {
                addNow(event);
                return;
            }
            transaction = new OpenTransaction(authSession, EventsJson.decode(note, event.realmId(), transactionId), note);
            open.put(transactionId, transaction);
        }
        transaction.events.add(event);
        transaction.note = EventsJson.append(transaction.note, event);
        authSession.setClientNote(NOTE_DEFERRED, transaction.note);
        enlist();
    }

    /** The realm's and client's event list, parsed once per request rather than once per event. */
    private EventSelection selection(RealmModel realm, ClientModel client) {
        return selections.computeIfAbsent(realm.getId() + " " + (client == null ? "" : client.getId()),
                key -> EventSelection.of(realm, client));
    }

    private void addNow(PendingEvent event) {
        if (tooLate(event.code())) {
            return;
        }
        events.add(event);
        enlist();
    }

    private boolean tooLate(EventCode code) {
        if (prepared) {
            LOG.warnf("revision log event %d reported after the transaction prepared; not recorded", code.code());
        }
        return prepared;
    }

    /** A login this request reported events for: what it has so far, and whether it ended here. */
    private static final class OpenTransaction {
        private final AuthenticationSessionModel authSession;
        private final List<PendingEvent> events;
        private String note;
        private boolean ended;

        private OpenTransaction(AuthenticationSessionModel authSession, List<PendingEvent> events, String note) {
            this.authSession = authSession;
            this.events = events;
            this.note = note;
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private void enlist() {
        if (enlisted) {
            return;
        }
        enlisted = true;
        session.getTransactionManager().enlistPrepare(new Writer());
        session.getTransactionManager().enlistAfterCompletion(new Completion());
    }

    /** Runs before the database commit: chains and persists the records into the request's own JPA transaction. */
    private final class Writer extends NoOpTransaction {
        @Override
        public void commit() {
            prepared = true;
            long now = System.currentTimeMillis();
            open.forEach((transactionId, transaction) -> {
                if (!transaction.ended) {
                    AuthenticationSessionModel authSession = transaction.authSession;
                    stillOpen.add(new UnfinishedTransactions.Unfinished(authSession.getRealm().getId(), transactionId, List.copyOf(transaction.events),
                            LoginStatistics.failure(session, authSession, "Abandoned", "expired",
                                    "the login was not finished before its authentication session expired"),
                            UnfinishedTransactions.deadline(authSession.getRealm(), now)));
                }
            });
            if (events.isEmpty() && statistics.isEmpty()) {
                return;
            }
            var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            // Flush the login's own changes before taking the chain lock, so no row lock is awaited while holding it.
            em.flush();
            statistics.forEach(em::persist);
            Map<String, List<List<PendingEvent>>> byRealm = new TreeMap<>();
            recordsOf(events).forEach(record -> byRealm.computeIfAbsent(record.get(0).realmId(), r -> new ArrayList<>()).add(record));
            for (Map.Entry<String, List<List<PendingEvent>>> realmRecords : byRealm.entrySet()) {
                ChainWriter.Chain chain = ChainWriter.acquire(realmRecords.getKey());
                appended.add(chain);
                chain.append(em, realmRecords.getValue());
            }
        }

        /** One record per login (transaction) in this request, one per event outside a login. */
        private List<List<PendingEvent>> recordsOf(List<PendingEvent> events) {
            Map<String, List<PendingEvent>> byTransaction = new LinkedHashMap<>();
            List<List<PendingEvent>> records = new ArrayList<>();
            for (PendingEvent event : events) {
                if (event.transactionId() == null) {
                    records.add(List.of(event));
                } else {
                    byTransaction.computeIfAbsent(event.realmId() + " " + event.transactionId(), t -> {
                        List<PendingEvent> record = new ArrayList<>();
                        records.add(record);
                        return record;
                    }).add(event);
                }
            }
            return records;
        }

        @Override
        public void rollback() {
            prepared = true;
        }
    }

    /** After the database transaction: releases the chains and writes the plain-text copy of what committed. */
    private final class Completion extends NoOpTransaction {
        @Override
        public void commit() {
            appended.forEach(ChainWriter.Chain::committed);
            open.forEach((transactionId, transaction) -> {
                if (transaction.ended) {
                    UnfinishedTransactions.finished(transactionId);
                }
            });
            stillOpen.forEach(UnfinishedTransactions::waiting);
            for (PendingEvent e : events) {
                PLAIN.infof("%d | %s | %s | %s | %s", e.code().code(), dash(e.sessionId()), dash(e.transactionId()),
                        dash(e.clientId()), dash(e.value()));
            }
        }

        @Override
        public void rollback() {
            appended.forEach(ChainWriter.Chain::rolledBack);
        }

        private String dash(String value) {
            return value == null ? "-" : value;
        }
    }

    private abstract static class NoOpTransaction implements KeycloakTransaction {
        private boolean active;
        private boolean rollbackOnly;

        @Override
        public void begin() {
            active = true;
        }

        @Override
        public void setRollbackOnly() {
            rollbackOnly = true;
        }

        @Override
        public boolean getRollbackOnly() {
            return rollbackOnly;
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }
}
