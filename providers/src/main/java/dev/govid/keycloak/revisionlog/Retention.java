package dev.govid.keycloak.revisionlog;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.keycloak.models.RealmModel;

/**
 * Removes revision-log records older than the realm's {@code govid.revisionlog.retentionDays} (unset: keep
 * forever), judged by their last event. Only a chain's oldest records go, and the chain head keeps the hash of
 * the last removed one, so what remains still verifies. Statistics are kept, as in MOA-ID.
 */
final class Retention {
    private Retention() {}

    static long apply(EntityManager em, RealmModel realm, long now) {
        String days = realm.getAttribute(EventSelection.RETENTION_DAYS);
        if (days == null || days.isBlank()) {
            return 0;
        }
        long keepDays;
        try {
            keepDays = Long.parseLong(days.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    EventSelection.RETENTION_DAYS + " must be a whole number of days, not '" + days + "'");
        }
        if (keepDays <= 0) {
            return 0;
        }
        long cutoff = now - Duration.ofDays(keepDays).toMillis();
        long removed = 0;
        List<RevisionChain> heads = em.createQuery(
                        "select c from RevisionChain c where c.realmId = :realm", RevisionChain.class)
                .setParameter("realm", realm.getId())
                .getResultList();
        for (RevisionChain head : heads) {
            List<RevisionRecord> last = em.createQuery(
                            "select e from RevisionRecord e where e.chainId = :chain and e.ended < :cutoff order by e.seq desc",
                            RevisionRecord.class)
                    .setParameter("chain", head.getChainId())
                    .setParameter("cutoff", cutoff)
                    .setMaxResults(1)
                    .getResultList();
            if (last.isEmpty()) {
                continue;
            }
            RevisionRecord newestRemoved = last.get(0);
            removed += em.createQuery("delete from RevisionRecord e where e.chainId = :chain and e.seq <= :seq")
                    .setParameter("chain", head.getChainId())
                    .setParameter("seq", newestRemoved.getSeq())
                    .executeUpdate();
            em.createQuery(
                            "update RevisionChain c set c.prunedToSeq = :seq, c.prunedHash = :hash where c.chainId = :chain")
                    .setParameter("seq", newestRemoved.getSeq())
                    .setParameter("hash", newestRemoved.getHash())
                    .setParameter("chain", head.getChainId())
                    .executeUpdate();
        }
        return removed;
    }
}
