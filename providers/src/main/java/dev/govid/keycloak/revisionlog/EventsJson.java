package dev.govid.keycloak.revisionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A login's events as a JSON array of {@code [created, code, value, sessionId, clientId]}: how they wait in the
 * authentication session (a client note) for the request that ends the login, and how a
 * {@link RevisionRecord} stores them (there without session and client where they are the record's). Realm and
 * transaction id belong to the session or the record, so they are not repeated.
 */
final class EventsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsJson() {}

    static String encode(List<PendingEvent> events) {
        return encode(events, null, null);
    }

    /**
     * As a record stores them: an event's session and client are left out when they are the record's own
     * ({@code [created, code, value]}), which is nearly always.
     */
    static String encode(List<PendingEvent> events, String recordSessionId, String recordClientId) {
        ArrayNode all = JSON.createArrayNode();
        for (PendingEvent e : events) {
            ArrayNode event =
                    all.addArray().add(e.created()).add(e.code().code()).add(e.value());
            boolean own = recordSessionId != null
                    && recordSessionId.equals(e.sessionId())
                    && Objects.equals(recordClientId, e.clientId());
            if (!own) {
                event.add(e.sessionId()).add(e.clientId());
            }
        }
        return all.toString();
    }

    /** The list with one more event, without encoding the others again. */
    static String append(String encoded, PendingEvent event) {
        String one = encode(List.of(event));
        return encoded == null || encoded.length() <= 2
                ? one
                : encoded.substring(0, encoded.length() - 1) + "," + one.substring(1);
    }

    static List<PendingEvent> decode(String note, String realmId, String transactionId) {
        return decode(note, realmId, transactionId, null, null);
    }

    /** Entries that are not events of ours (an unknown code, a wrong shape) are dropped rather than failing the login. */
    static List<PendingEvent> decode(
            String note, String realmId, String transactionId, String recordSessionId, String recordClientId) {
        List<PendingEvent> events = new ArrayList<>();
        if (note == null || note.isBlank()) {
            return events;
        }
        JsonNode all;
        try {
            all = JSON.readTree(note);
        } catch (IOException e) {
            throw new UncheckedIOException("revision log events of transaction " + transactionId + " unreadable", e);
        }
        for (JsonNode e : all) {
            if (!e.isArray()
                    || (e.size() != 3 && e.size() != 5)
                    || !e.get(0).canConvertToLong()
                    || !e.get(1).canConvertToInt()) {
                continue;
            }
            boolean own = e.size() == 3;
            EventCode.of(e.get(1).asInt())
                    .ifPresent(code -> events.add(new PendingEvent(
                            realmId,
                            e.get(0).asLong(),
                            code,
                            text(e.get(2)),
                            transactionId,
                            own ? recordSessionId : text(e.get(3)),
                            own ? recordClientId : text(e.get(4)))));
        }
        return events;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
