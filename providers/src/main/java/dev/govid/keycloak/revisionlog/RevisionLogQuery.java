package dev.govid.keycloak.revisionlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * The admin filters: session id, transaction id, client, time range. A session id also finds the rows of
 * every transaction that belongs to it. Times are ISO-8601 instants or epoch milliseconds; anything else is
 * refused with a message rather than ignored.
 */
record RevisionLogQuery(String sessionId, String transactionId, String clientId, Long from, Long to, int first, int max) {
    static final int DEFAULT_MAX = 1000;
    static final int EXPORT_MAX = 100_000;

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

    List<RevisionLogEntry> run(EntityManager em, String realmId) {
        StringBuilder jpql = new StringBuilder("select e from RevisionLogEntry e where e.realmId = :realm");
        if (sessionId != null) {
            jpql.append(" and (e.sessionId = :session or e.transactionId in "
                    + "(select t.transactionId from RevisionLogEntry t where t.realmId = :realm and t.sessionId = :session))");
        }
        if (transactionId != null) {
            jpql.append(" and e.transactionId = :tx");
        }
        if (clientId != null) {
            jpql.append(" and e.clientId = :client");
        }
        if (from != null) {
            jpql.append(" and e.created >= :from");
        }
        if (to != null) {
            jpql.append(" and e.created < :to");
        }
        jpql.append(" order by e.created, e.chainId, e.seq");
        TypedQuery<RevisionLogEntry> query = em.createQuery(jpql.toString(), RevisionLogEntry.class).setParameter("realm", realmId);
        if (sessionId != null) {
            query.setParameter("session", sessionId);
        }
        if (transactionId != null) {
            query.setParameter("tx", transactionId);
        }
        if (clientId != null) {
            query.setParameter("client", clientId);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return new ArrayList<>(query.setFirstResult(first).setMaxResults(max).getResultList());
    }

    List<LoginStatistic> statistics(EntityManager em, String realmId) {
        StringBuilder jpql = new StringBuilder("select s from LoginStatistic s where s.realmId = :realm");
        if (clientId != null) {
            jpql.append(" and s.oaId = :client");
        }
        if (from != null) {
            jpql.append(" and s.created >= :from");
        }
        if (to != null) {
            jpql.append(" and s.created < :to");
        }
        jpql.append(" order by s.created, s.id");
        TypedQuery<LoginStatistic> query = em.createQuery(jpql.toString(), LoginStatistic.class).setParameter("realm", realmId);
        if (clientId != null) {
            query.setParameter("client", clientId);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return new ArrayList<>(query.setFirstResult(first).setMaxResults(max).getResultList());
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
