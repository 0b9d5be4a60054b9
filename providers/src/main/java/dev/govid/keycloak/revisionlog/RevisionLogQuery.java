package dev.govid.keycloak.revisionlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * The admin filters: session id, transaction id, client, time range. A session id finds every login
 * (transaction) that led to that session, and its logout. Times are ISO-8601 instants or epoch milliseconds; anything else is
 * refused with a message rather than ignored.
 */
record RevisionLogQuery(String sessionId, String transactionId, String clientId, Long from, Long to, int first, int max) {
    static final int DEFAULT_MAX = 1000;
    static final int EXPORT_MAX = 100_000;
    private static final int RECORD_PAGE = 500;

    static RevisionLogQuery of(String sessionId, String transactionId, String clientId, String from, String to,
                               Integer first, Integer max, int defaultMax) {
        int limit = max == null ? defaultMax : max;
        if (limit < 1 || limit > EXPORT_MAX) {
            throw new IllegalArgumentException("max must be between 1 and " + EXPORT_MAX);
        }
        int offset = first == null ? 0 : first;
        if (offset < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        return new RevisionLogQuery(blankToNull(sessionId, "sessionId"), blankToNull(transactionId, "transactionId"),
                blankToNull(clientId, "clientId"), time(from, "from"), time(to, "to"), offset, limit);
    }

    /**
     * The matching events, record by record (a login's events stay together, in their order). Time bounds apply
     * to each event; {@code first} and {@code max} count events, not records.
     */
    List<Map<String, Object>> events(EntityManager em, String realmId) {
        Jpql jpql = new Jpql("select r from RevisionRecord r where r.realmId = :realm", realmId)
                .and(sessionId, "r.sessionId = :value")
                .and(transactionId, "r.transactionId = :value")
                .and(clientId, "r.clientId = :value")
                .and(from, "r.ended >= :value")
                .and(to, "r.created < :value");
        TypedQuery<RevisionRecord> query = jpql.query(em, " order by r.created, r.chainId, r.seq", RevisionRecord.class);
        List<Map<String, Object>> events = new ArrayList<>();
        int skipped = 0;
        for (int page = 0; events.size() < max; page++) {
            List<RevisionRecord> records = query.setFirstResult(page * RECORD_PAGE).setMaxResults(RECORD_PAGE).getResultList();
            for (RevisionRecord record : records) {
                for (PendingEvent event : EventsJson.decode(record.getEvents(), record.getRealmId(), record.getTransactionId(), record.getSessionId(), record.getClientId())) {
                    if ((from != null && event.created() < from) || (to != null && event.created() >= to)) {
                        continue;
                    }
                    if (skipped < first) {
                        skipped++;
                    } else if (events.size() < max) {
                        events.add(RevisionLogExport.event(record, event));
                    }
                }
                em.detach(record);
            }
            if (records.size() < RECORD_PAGE) {
                break;
            }
        }
        return events;
    }

    List<LoginStatistic> statistics(EntityManager em, String realmId) {
        Jpql jpql = new Jpql("select s from LoginStatistic s where s.realmId = :realm", realmId)
                .and(clientId, "s.oaId = :value")
                .and(from, "s.created >= :value")
                .and(to, "s.created < :value");
        return page(jpql.query(em, " order by s.created, s.id", LoginStatistic.class));
    }

    private <T> List<T> page(TypedQuery<T> query) {
        return new ArrayList<>(query.setFirstResult(first).setMaxResults(max).getResultList());
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

        <T> TypedQuery<T> query(EntityManager em, String orderBy, Class<T> type) {
            TypedQuery<T> query = em.createQuery(text + orderBy, type);
            parameters.forEach(query::setParameter);
            return query;
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
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds");
        }
    }
}
