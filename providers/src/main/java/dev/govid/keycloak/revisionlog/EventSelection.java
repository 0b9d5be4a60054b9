package dev.govid.keycloak.revisionlog;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * Which events a login writes. The log is switched on per realm; the optional events are a list of codes
 * (or {@code all} / {@code none}) on the realm, which a client's own list replaces for that client's logins.
 * Plain realm and client attributes, so they travel with realm exports and the admin REST API.
 */
public final class EventSelection {
    public static final String ENABLED = "govid.revisionlog.enabled";
    public static final String EVENTS = "govid.revisionlog.events";
    public static final String RETENTION_DAYS = "govid.revisionlog.retentionDays";

    private final Set<EventCode> optional;

    private EventSelection(Set<EventCode> optional) {
        this.optional = optional;
    }

    public static boolean isEnabled(RealmModel realm) {
        return realm != null && "true".equalsIgnoreCase(realm.getAttribute(ENABLED));
    }

    /** The client's list if it has one, else the realm's, else every optional event. */
    public static EventSelection of(RealmModel realm, ClientModel client) {
        String list = client != null ? client.getAttribute(EVENTS) : null;
        if (list == null || list.isBlank()) {
            list = realm.getAttribute(EVENTS);
        }
        return new EventSelection(parse(list));
    }

    /** The codes a login writes, base and optional, in code order: what the admin endpoint shows as "effective". */
    public List<Integer> describe() {
        return java.util.Arrays.stream(EventCode.values()).filter(this::includes).map(EventCode::code).sorted().toList();
    }

    public boolean includes(EventCode code) {
        return code.isBase() || optional.contains(code);
    }

    /** Unknown codes are ignored rather than refused: a setting must not be able to stop logins. */
    static Set<EventCode> parse(String list) {
        EnumSet<EventCode> codes = EnumSet.noneOf(EventCode.class);
        if (list == null || list.isBlank() || list.trim().equalsIgnoreCase("all")) {
            codes.addAll(EnumSet.allOf(EventCode.class));
            return codes;
        }
        for (String part : list.split("[,\\s]+")) {
            String token = part.trim().toLowerCase(Locale.ROOT);
            if (token.matches("\\d{4}")) {
                EventCode.of(Integer.parseInt(token)).ifPresent(codes::add);
            }
        }
        return codes;
    }
}
