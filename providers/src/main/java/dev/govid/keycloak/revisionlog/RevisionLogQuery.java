package dev.govid.keycloak.revisionlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * The admin filters: session id, transaction id, client, time range. A session id finds every login
 * (transaction) that led to that session, and its logout. Times are ISO-8601 instants or epoch milliseconds; anything else is
 * refused with a message rather than ignored.
 */
record RevisionLogQuery(
        String sessionId, String transactionId, String clientId, Long from, Long to, int first, int max) {
    static final int DEFAULT_MAX = 1000;
    /** Largest page an admin can ask for as JSON; exports stream and default to everything that matches. */
    static final int MAX = 100_000;

    static final int EXPORT_ALL = Integer.MAX_VALUE;
    private static final int PAGE = 500;

    static RevisionLogQuery of(
            String sessionId,
            String transactionId,
            String clientId,
            String from,
            String to,
            Integer first,
            Integer max,
            int defaultMax) {
        int limit = max == null ? defaultMax : max;
        int largest = Math.max(MAX, defaultMax);
        if (limit < 1 || limit > largest) {
            throw new IllegalArgumentException("max must be between 1 and " + largest);
        }
        int offset = first == null ? 0 : first;
        if (offset < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        return new RevisionLogQuery(
                blankToNull(sessionId, "sessionId"),
                blankToNull(transactionId, "transactionId"),
                blankToNull(clientId, "clientId"),
                time(from, "from"),
                time(to, "to"),
                offset,
                limit);
    }

    /**
     * The matching events, record by record (a login's events stay together, in their order). Time bounds apply
     * to each event; {@code first} and {@code max} count events, not records.
     */
    List<Map<String, Object>> events(EntityManager em, String realmId) {
        List<Map<String, Object>> events = new ArrayList<>();
        eachEvent(em, realmId, events::add);
        return events;
    }

    /** As {@link #events}, handed over one at a time, so an export of any size streams instead of filling the heap. */
    void eachEvent(EntityManager em, String realmId, Consumer<Map<String, Object>> sink) {
        Jpql jpql = new Jpql("select r from RevisionRecord r where r.realmId = :realm", realmId)
                .and(sessionId, "r.sessionId = :value")
                .and(transactionId, "r.transactionId = :value")
                .and(clientId, "r.clientId = :value")
                .and(from, "r.ended >= :value")
                .and(to, "r.created < :value");
        Counter counter = new Counter();
        jpql.eachRow(em, "r", RevisionRecord.class, RevisionRecord::getCreated, RevisionRecord::getId, record -> {
            for (PendingEvent event : EventsJson.decode(
                    record.getEvents(),
                    record.getRealmId(),
                    record.getTransactionId(),
                    record.getSessionId(),
                    record.getClientId())) {
                boolean inRange = (from == null || event.created() >= from) && (to == null || event.created() < to);
                if (inRange && counter.take()) {
                    sink.accept(RevisionLogExport.event(record, event));
                }
            }
            return !counter.full();
        });
    }

    List<LoginStatistic> statistics(EntityManager em, String realmId) {
        List<LoginStatistic> statistics = new ArrayList<>();
        eachStatistic(em, realmId, statistics::add);
        return statistics;
    }

    void eachStatistic(EntityManager em, String realmId, Consumer<LoginStatistic> sink) {
        Jpql jpql = new Jpql("select s from LoginStatistic s where s.realmId = :realm", realmId)
                .and(clientId, "s.oaId = :value")
                .and(from, "s.created >= :value")
                .and(to, "s.created < :value");
        Counter counter = new Counter();
        jpql.eachRow(em, "s", LoginStatistic.class, LoginStatistic::getCreated, LoginStatistic::getId, statistic -> {
            if (counter.take()) {
                sink.accept(statistic);
            }
            return !counter.full();
        });
    }

    /** Skips the first {@code first} items, then lets {@code max} through. */
    private final class Counter {
        private long skipped;
        private long taken;

        boolean take() {
            if (skipped < first) {
                skipped++;
                return false;
            }
            if (taken < max) {
                taken++;
                return true;
            }
            return false;
        }

        boolean full() {
            return taken >= max;
        }
    }

    /** A JPQL query with optional conditions: each one given a value adds its condition and that parameter. */
    private static final class Jpql {
        private final StringBuilder text;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Jpql(String base, String realmId) {
            text = new StringBuilder(base);
            parameters.put("realm", realmId);
        }

        /** @param condition uses {@code :value} for the filter's value */
        Jpql and(Object value, String condition) {
            if (value != null) {
                String name = "p" + parameters.size();
                text.append(" and ").append(condition.replace(":value", ":" + name));
                parameters.put(name, value);
            }
            return this;
        }

        /**
         * Runs the query in pages ordered by (created, id), each page starting after the last row of the one
         * before — so the database never re-reads what it has skipped — until a page is short or {@code row}
         * answers false. Rows are detached once handled, so the persistence context stays small.
         */
        <T> void eachRow(
                EntityManager em,
                String alias,
                Class<T> type,
                ToLongFunction<T> created,
                Function<T, String> id,
                Predicate<T> row) {
            String order = " order by " + alias + ".created, " + alias + ".id";
            String after = " and (" + alias + ".created > :lastCreated or (" + alias + ".created = :lastCreated and "
                    + alias + ".id > :lastId))";
            T last = null;
            while (true) {
                TypedQuery<T> query = em.createQuery(text + (last == null ? "" : after) + order, type)
                        .setMaxResults(PAGE);
                parameters.forEach(query::setParameter);
                if (last != null) {
                    query.setParameter("lastCreated", created.applyAsLong(last)).setParameter("lastId", id.apply(last));
                }
                List<T> page = query.getResultList();
                for (T item : page) {
                    boolean more = row.test(item);
                    em.detach(item);
                    if (!more) {
                        return;
                    }
                }
                if (page.size() < PAGE) {
                    return;
                }
                last = page.get(page.size() - 1);
            }
        }
    }

    private static String blankToNull(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 255) {
            throw new IllegalArgumentException(name + " is longer than 255 characters");
        }
        return value;
    }

    private static Long time(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 64) {
            throw new IllegalArgumentException(name + " is not a time");
        }
        if (value.matches("\\d{1,15}")) {
            return Long.parseLong(value);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds");
        }
    }
}
