package dev.govid.keycloak.revisionlog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Logins whose events wait in their authentication session for the request that ends them. When that request
 * never comes (the person closed the tab at the eID system), Keycloak lets the authentication session expire
 * and the events with it; this node's copy of them is then written as a transaction that ended with an error
 * (1103, statistics exception {@code Abandoned}), so an unfinished attempt still leaves its trace.
 *
 * <p>The copy is node-local and kept only until the authentication session can no longer finish. A login
 * finished on another node is recognised by its record in the database; two nodes holding a copy of the
 * same unfinished login agree through Keycloak's single-use store which one writes it.
 *
 * <p>The one instance is owned by {@link RevisionLogProviderFactory}, which also schedules it on Keycloak's timer.
 */
final class UnfinishedTransactions implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(UnfinishedTransactions.class);
    static final String NAME = "govid-revision-log-unfinished";
    /** Beyond this many waiting logins on one node, new logins write each request's events at once instead. */
    static final int CAPACITY = 100_000;

    private static final int BATCH = 500;
    private static final String CLAIM_PREFIX = "govid.revlog.unfinished.";
    private final Map<String, Unfinished> waiting = new ConcurrentHashMap<>();

    /** What an abandoned transaction writes: its events so far and its statistics record, from the last request that saw it. */
    record Unfinished(
            String realmId, String transactionId, List<PendingEvent> events, LoginStatistic statistic, long deadline) {}

    boolean hasRoom() {
        return waiting.size() < CAPACITY;
    }

    void waiting(Unfinished unfinished) {
        waiting.put(unfinished.transactionId(), unfinished);
    }

    void finished(String transactionId) {
        waiting.remove(transactionId);
    }

    int size() {
        return waiting.size();
    }

    /**
     * When an unfinished login can be declared abandoned: after the longest an authentication session of the
     * realm lives (Keycloak counts from its creation, which is before now), plus a margin.
     */
    static long deadline(RealmModel realm, long now) {
        long lifespan = Math.max(
                realm.getAccessCodeLifespanLogin(),
                Math.max(realm.getAccessCodeLifespanUserAction(), realm.getAccessCodeLifespan()));
        long margin = Math.max(5, lifespan / 10);
        return now + (lifespan + margin) * 1000;
    }

    @Override
    public void run(KeycloakSession session) {
        long now = System.currentTimeMillis();
        List<Unfinished> due = waiting.values().stream()
                .filter(u -> u.deadline() <= now)
                .limit(BATCH)
                .toList();
        if (due.isEmpty()) {
            return;
        }
        Set<String> finishedElsewhere = alreadyWritten(session, due);
        int written = 0;
        for (Unfinished unfinished : due) {
            if (!waiting.remove(unfinished.transactionId(), unfinished)
                    || finishedElsewhere.contains(unfinished.transactionId())) {
                continue;
            }
            long claimSeconds = Math.max(
                    60, (unfinished.deadline() - unfinished.events().get(0).created()) / 1000);
            if (session.singleUseObjects().putIfAbsent(CLAIM_PREFIX + unfinished.transactionId(), claimSeconds)) {
                RevisionLog.of(session).abandoned(unfinished);
                written++;
            }
        }
        if (written > 0) {
            LOG.debugf("revision log: %d abandoned logins written", written);
        }
    }

    private static Set<String> alreadyWritten(KeycloakSession session, List<Unfinished> due) {
        var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Set<String> written = new HashSet<>();
        Map<String, List<String>> byRealm = due.stream()
                .collect(Collectors.groupingBy(
                        Unfinished::realmId,
                        Collectors.mapping(Unfinished::transactionId, Collectors.toCollection(ArrayList::new))));
        byRealm.forEach((realmId, ids) -> written.addAll(em.createQuery(
                        "select distinct r.transactionId from RevisionRecord r "
                                + "where r.realmId = :realm and r.transactionId in :ids",
                        String.class)
                .setParameter("realm", realmId)
                .setParameter("ids", ids)
                .getResultList()));
        return written;
    }
}
