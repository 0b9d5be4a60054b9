package dev.govid.keycloak.revisionlog;

/** An event reported in this request, written when the request's transaction commits. */
record PendingEvent(
        String realmId,
        long created,
        EventCode code,
        String value,
        String transactionId,
        String sessionId,
        String clientId) {}
