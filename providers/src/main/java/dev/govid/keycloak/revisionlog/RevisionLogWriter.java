package dev.govid.keycloak.revisionlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.govid.keycloak.metrics.GovIdMetrics;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What one request reported, written in that request's transaction phases: before the database commit the
 * records are chained and persisted into the request's own JPA transaction ({@code enlistPrepare}); after it,
 * the chains are released, the node's list of unfinished logins is updated and the plain-text copy is logged
 * ({@code enlistAfterCompletion}). One instance per {@link RevisionLog}, i.e. per request.
 */
final class RevisionLogWriter {
    private static final Logger LOG = Logger.getLogger(RevisionLogWriter.class);
    private static final Logger PLAIN = Logger.getLogger(RevisionLog.PLAIN_TEXT_CATEGORY);

    private final KeycloakSession session;
    private final ChainWriter chains;
    private final UnfinishedTransactions unfinished;
    /** Written when this request commits: events outside a login, and every event of logins that end in this request. */
    private final List<PendingEvent> events = new ArrayList<>();
    /** Logins this request reported events for, by transaction id. */
    private final Map<String, OpenTransaction> open = new LinkedHashMap<>();

    private final List<UnfinishedTransactions.Unfinished> stillOpen = new ArrayList<>();
    private final List<LoginStatistic> statistics = new ArrayList<>();
    private final List<ChainWriter.Chain> appended = new ArrayList<>();
    private boolean enlisted;
    private boolean prepared;

    RevisionLogWriter(KeycloakSession session, ChainWriter chains, UnfinishedTransactions unfinished) {
        this.session = session;
        this.chains = chains;
        this.unfinished = unfinished;
    }

    /**
     * An event of a login in progress. It joins the login's waiting events in the authentication session; only
     * when a node already holds {@link UnfinishedTransactions#CAPACITY} waiting logins does a new login's
     * event go straight to this request's write instead.
     */
    void addToTransaction(AuthenticationSessionModel authSession, String transactionId, PendingEvent event) {
        OpenTransaction transaction = open.get(transactionId);
        if (transaction == null) {
            String note = TransactionNotes.deferred(authSession);
            if (note == null && !unfinished.hasRoom()) {
                addNow(event);
                return;
            }
            transaction =
                    new OpenTransaction(authSession, EventsJson.decode(note, event.realmId(), transactionId), note);
            open.put(transactionId, transaction);
        }
        transaction.events.add(event);
        transaction.note = EventsJson.append(transaction.note, event);
        TransactionNotes.defer(authSession, transaction.note);
        enlist();
    }

    /** The login ends in this request: all its events, the waiting ones first, are written when this request commits. */
    void endTransaction(String transactionId) {
        OpenTransaction transaction = open.get(transactionId);
        if (transaction != null) {
            transaction.ended = true;
            transaction.events.forEach(this::addNow);
        }
    }

    void addNow(PendingEvent event) {
        if (tooLate(event.code())) {
            return;
        }
        events.add(event);
        enlist();
    }

    void addStatistic(LoginStatistic statistic) {
        statistics.add(statistic);
        enlist();
    }

    boolean tooLate(EventCode code) {
        if (prepared) {
            LOG.warnf("revision log event %d reported after the transaction prepared; not recorded", code.code());
        }
        return prepared;
    }

    private void enlist() {
        if (enlisted) {
            return;
        }
        enlisted = true;
        session.getTransactionManager().enlistPrepare(new Writer());
        session.getTransactionManager().enlistAfterCompletion(new Completion());
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

    /** Runs before the database commit: chains and persists the records into the request's own JPA transaction. */
    private final class Writer extends NoOpTransaction {
        @Override
        public void commit() {
            prepared = true;
            long now = System.currentTimeMillis();
            open.forEach((transactionId, transaction) -> {
                if (!transaction.ended) {
                    AuthenticationSessionModel authSession = transaction.authSession;
                    stillOpen.add(new UnfinishedTransactions.Unfinished(
                            authSession.getRealm().getId(),
                            transactionId,
                            List.copyOf(transaction.events),
                            LoginStatistics.failure(
                                    session,
                                    authSession,
                                    "Abandoned",
                                    "expired",
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
            long started = System.nanoTime();
            statistics.forEach(em::persist);
            Map<String, List<List<PendingEvent>>> byRealm = new TreeMap<>();
            recordsOf(events)
                    .forEach(record -> byRealm.computeIfAbsent(record.get(0).realmId(), r -> new ArrayList<>())
                            .add(record));
            for (Map.Entry<String, List<List<PendingEvent>>> realmRecords : byRealm.entrySet()) {
                ChainWriter.Chain chain = chains.acquire(realmRecords.getKey());
                appended.add(chain);
                chain.append(em, realmRecords.getValue());
            }
            GovIdMetrics.revisionLogWrite(Duration.ofNanos(System.nanoTime() - started));
        }

        /** One record per login (transaction) in this request, one per event outside a login. */
        private List<List<PendingEvent>> recordsOf(List<PendingEvent> events) {
            Map<String, List<PendingEvent>> byTransaction = new LinkedHashMap<>();
            List<List<PendingEvent>> records = new ArrayList<>();
            for (PendingEvent event : events) {
                if (event.transactionId() == null) {
                    records.add(List.of(event));
                } else {
                    byTransaction
                            .computeIfAbsent(event.realmId() + " " + event.transactionId(), t -> {
                                List<PendingEvent> record = new ArrayList<>();
                                records.add(record);
                                return record;
                            })
                            .add(event);
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
                    unfinished.finished(transactionId);
                }
            });
            stillOpen.forEach(unfinished::waiting);
            for (PendingEvent e : events) {
                PLAIN.infof(
                        "%d | %s | %s | %s | %s",
                        e.code().code(),
                        dash(e.sessionId()),
                        dash(e.transactionId()),
                        dash(e.clientId()),
                        dash(e.value()));
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
