package dev.govid.simulator.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory, size-bounded store of pending logins; entries expire and are single-use. Generic so the BundID
 * and the PVP mode each keep their own kind of transaction with the same expiry and replay rules.
 */
public final class TransactionStore<T extends PendingLogin> {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, T> pending = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;

    public TransactionStore(Duration ttl, int maxSize, Clock clock) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    public static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Instant now() {
        return clock.instant();
    }

    public synchronized void put(T tx) {
        purgeExpired();
        while (pending.size() >= maxSize) {
            pending.values().stream()
                    .min(Comparator.comparing(PendingLogin::created))
                    .ifPresent(oldest -> pending.remove(oldest.id()));
        }
        pending.put(tx.id(), tx);
    }

    /** Removes and returns the transaction, so a login form cannot be replayed. */
    public Optional<T> take(String id) {
        if (id == null) {
            return Optional.empty();
        }
        T tx = pending.remove(id);
        if (tx == null || isExpired(tx)) {
            return Optional.empty();
        }
        return Optional.of(tx);
    }

    public int size() {
        return pending.size();
    }

    private void purgeExpired() {
        pending.values().removeIf(this::isExpired);
    }

    private boolean isExpired(T tx) {
        return tx.created().plus(ttl).isBefore(clock.instant());
    }
}
