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
 * Appends rows to this process's chains of a realm. The one instance is owned by {@link RevisionLogProviderFactory}. Every Keycloak process (cluster node) starts its own
 * chains per realm with fresh ids, so nodes never write to the same chain and never wait for each other; a
 * chain is never continued after a restart, so nothing has to be read back at start-up either.
 *
 * <p>A chain is locked from the moment a login's transaction writes its rows until that transaction has
 * committed or rolled back. Holding it across the commit is what keeps a sequence number from being used by
 * a row that then rolls back: the next transaction can only take a number once the previous one is final.
 * So that concurrent logins on one node do not queue behind each other's commits, each process keeps a few
 * chains per realm ({@link #STRIPES}) and a transaction takes whichever is free.
 */
final class ChainWriter {
    private static final long LOCK_TIMEOUT_SECONDS = 10;
    static final int STRIPES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private final Map<String, Chain[]> chains = new ConcurrentHashMap<>();
    static final String NODE_NAME = nodeName();
    /** {@code {h-schema}} is Hibernate's placeholder for Keycloak's {@code --db-schema}. */
    private static final String STORE_HEAD =
            "update {h-schema}GOVID_REVISION_CHAIN set LAST_SEQ = ?1, LAST_HASH = ?2 where CHAIN_ID = ?3";

    /** A chain of the realm, already locked for the calling thread: a free one if there is any, else waits for one. */
    Chain acquire(String realmId) {
        Chain[] realmChains = chains.computeIfAbsent(realmId, r -> {
            Chain[] stripes = new Chain[STRIPES];
            for (int i = 0; i < STRIPES; i++) {
                stripes[i] = new Chain(r);
            }
            return stripes;
        });
        for (Chain chain : realmChains) {
            if (chain.lock.tryLock()) {
                return chain;
            }
        }
        Chain chain = realmChains[(int) (Thread.currentThread().getId() % realmChains.length)];
        try {
            if (!chain.lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("revision log chains of realm " + realmId + " busy for "
                        + LOCK_TIMEOUT_SECONDS + " s; the login is refused rather than left unlogged");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a revision log chain", e);
        }
        return chain;
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

        /**
         * Writes one record per group of events (a login's, or a single event outside a login); the caller holds
         * the lock ({@link #acquire}), released by {@link #committed()} or {@link #rolledBack()}.
         */
        List<RevisionRecord> append(EntityManager em, List<List<PendingEvent>> groups) {
            savedSeq = lastSeq;
            savedHash = lastHash;
            savedHeadStored = headStored;
            try {
                List<RevisionRecord> written = new ArrayList<>(groups.size());
                for (List<PendingEvent> events : groups) {
                    PendingEvent first = events.get(0);
                    PendingEvent last = events.get(events.size() - 1);
                    RevisionRecord record = new RevisionRecord();
                    record.setId(UUID.randomUUID().toString());
                    record.setRealmId(realmId);
                    record.setChainId(chainId);
                    record.setSeq(++lastSeq);
                    record.setCreated(first.created());
                    record.setEnded(last.created());
                    record.setTransactionId(last.transactionId());
                    record.setSessionId(last.sessionId());
                    record.setClientId(last.clientId());
                    record.setEvents(EventsJson.encode(events, last.sessionId(), last.clientId()));
                    record.setPrevHash(lastHash);
                    record.setHash(ChainHash.of(record));
                    lastHash = record.getHash();
                    em.persist(record);
                    written.add(record);
                }
                storeHead(em);
                return written;
            } catch (RuntimeException e) {
                rolledBack();
                throw e;
            }
        }

        /**
         * An update of only the head columns, so a concurrent retention run (pruned columns) is never overwritten.
         * Plain SQL because it runs once per login: Hibernate translates a JPQL update anew on every execution.
         */
        private void storeHead(EntityManager em) {
            int updated = headStored
                    ? em.createNativeQuery(STORE_HEAD)
                            .setParameter(1, lastSeq)
                            .setParameter(2, lastHash)
                            .setParameter(3, chainId)
                            .executeUpdate()
                    : 0;
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
