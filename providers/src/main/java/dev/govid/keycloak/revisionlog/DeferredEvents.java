package dev.govid.keycloak.revisionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A transaction's events while they wait in its authentication session (a client note) for the request that
 * ends the transaction: a JSON array of {@code [created, code, value, sessionId, clientId]}. Realm and
 * transaction id are those of the authentication session, so they are not repeated.
 */
final class DeferredEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeferredEvents() {
    }

    static String encode(List<PendingEvent> events) {
        ArrayNode all = JSON.createArrayNode();
        for (PendingEvent e : events) {
            all.addArray().add(e.created()).add(e.code().code()).add(e.value()).add(e.sessionId()).add(e.clientId());
        }
        return all.toString();
    }

    /** Entries that are not events of ours (an unknown code, a wrong shape) are dropped rather than failing the login. */
    static List<PendingEvent> decode(String note, String realmId, String transactionId) {
        List<PendingEvent> events = new ArrayList<>();
        if (note == null || note.isBlank()) {
            return events;
        }
        JsonNode all;
        try {
            all = JSON.readTree(note);
        } catch (IOException e) {
            throw new UncheckedIOException("revision log note of transaction " + transactionId + " unreadable", e);
        }
        for (JsonNode e : all) {
            if (!e.isArray() || e.size() != 5 || !e.get(0).canConvertToLong() || !e.get(1).canConvertToInt()) {
                continue;
            }
            EventCode.of(e.get(1).asInt()).ifPresent(code -> events.add(new PendingEvent(realmId, e.get(0).asLong(), code,
                    text(e.get(2)), transactionId, text(e.get(3)), text(e.get(4)))));
        }
        return events;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
