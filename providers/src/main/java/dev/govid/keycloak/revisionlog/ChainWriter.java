package dev.govid.keycloak.revisionlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.persistence.EntityManager;

/**
 * Appends rows to this process's chain of a realm. Every Keycloak process (cluster node) starts its own chain
 * per realm with a fresh id, so nodes never write to the same chain and never wait for each other; a chain
 * is never continued after a restart, so nothing has to be read back at start-up either.
 *
 * <p>Within one process, appends to a realm's chain are ordered by a lock taken when the login's
 * transaction prepares and released after it committed or rolled back. Holding it across the commit is
 * what keeps a sequence number from being used by a row that then rolls back: the next transaction can
 * only take a number once the previous one is final.
 */
final class ChainWriter {
    private static final long LOCK_TIMEOUT_SECONDS = 10;
    private static final Map<String, Chain> CHAINS = new ConcurrentHashMap<>();
    static final String NODE_NAME = nodeName();

    private ChainWriter() {
    }

    static Chain chainOf(String realmId) {
        return CHAINS.computeIfAbsent(realmId, Chain::new);
    }

    private static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name == null) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "unknown";
            }
        }
        return name + "/" + ProcessHandle.current().pid();
    }

    /** One realm's chain in this process. */
    static final class Chain {
        private final String realmId;
        private final String chainId = UUID.randomUUID().toString();
        private final ReentrantLock lock = new ReentrantLock();
        private long lastSeq;
        private String lastHash;
        private boolean headStored;
        // state before the append in flight, restored when its transaction rolls back
        private long savedSeq;
        private String savedHash;
        private boolean savedHeadStored;

        private Chain(String realmId) {
            this.realmId = realmId;
            this.lastHash = ChainHash.genesis(chainId);
        }

        String chainId() {
            return chainId;
        }

        /** Takes the lock (released by {@link #committed()} or {@link #rolledBack()}) and writes the rows. */
        List<RevisionLogEntry> append(EntityManager em, List<PendingEvent> events) {
            try {
                if (!lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("revision log chain of realm " + realmId + " busy for "
                            + LOCK_TIMEOUT_SECONDS + " s; the login is refused rather than left unlogged");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the revision log chain", e);
            }
            savedSeq = lastSeq;
            savedHash = lastHash;
            savedHeadStored = headStored;
            try {
                List<RevisionLogEntry> written = new ArrayList<>(events.size());
                for (PendingEvent event : events) {
                    RevisionLogEntry entry = new RevisionLogEntry();
                    entry.setId(UUID.randomUUID().toString());
                    entry.setRealmId(realmId);
                    entry.setChainId(chainId);
                    entry.setSeq(++lastSeq);
                    entry.setCreated(event.created());
                    entry.setCode(event.code().code());
                    entry.setValue(event.value());
                    entry.setTransactionId(event.transactionId());
                    entry.setSessionId(event.sessionId());
                    entry.setClientId(event.clientId());
                    entry.setPrevHash(lastHash);
                    entry.setHash(ChainHash.of(entry));
                    lastHash = entry.getHash();
                    em.persist(entry);
                    written.add(entry);
                }
                storeHead(em);
                em.flush();
                return written;
            } catch (RuntimeException e) {
                rolledBack();
                throw e;
            }
        }

        /** A bulk update touches only the head columns, so a concurrent retention run (pruned columns) is never overwritten. */
        private void storeHead(EntityManager em) {
            int updated = headStored ? em.createQuery("update RevisionChain c set c.lastSeq = :seq, c.lastHash = :hash where c.chainId = :id")
                    .setParameter("seq", lastSeq).setParameter("hash", lastHash).setParameter("id", chainId)
                    .executeUpdate() : 0;
            if (updated == 0) {
                RevisionChain head = new RevisionChain();
                head.setChainId(chainId);
                head.setRealmId(realmId);
                head.setNodeName(NODE_NAME);
                head.setStarted(System.currentTimeMillis());
                head.setPrunedToSeq(0);
                head.setPrunedHash(ChainHash.genesis(chainId));
                head.setLastSeq(lastSeq);
                head.setLastHash(lastHash);
                em.persist(head);
            }
            headStored = true;
        }

        void committed() {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }

        void rolledBack() {
            if (lock.isHeldByCurrentThread()) {
                lastSeq = savedSeq;
                lastHash = savedHash;
                headStored = savedHeadStored;
                lock.unlock();
            }
        }
    }
}
