package dev.govid.keycloak.revisionlog;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.SettingProblem;
import dev.govid.keycloak.settings.SettingsReader;
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
    /** {@code hmac} (default): keyed pseudonyms; {@code salted-sha256}: MOA-ID's salted hashes. */
    public static final String PSEUDONYMS = "govid.revisionlog.pseudonyms";

    static final long MAX_RETENTION_DAYS = 99_999;
    public static final List<String> REALM_KEYS = List.of(ENABLED, EVENTS, RETENTION_DAYS, PSEUDONYMS);

    /** How person data is pseudonymised ({@link PersonPseudonym}). */
    public enum PseudonymScheme {
        HMAC,
        SALTED_SHA256
    }

    private static final java.util.Map<String, PseudonymScheme> SCHEMES = SettingsReader.options(
            List.of("hmac", "salted-sha256"), List.of(PseudonymScheme.HMAC, PseudonymScheme.SALTED_SHA256));

    /**
     * The realm's scheme. An invalid value (refused at save) gives the keyed scheme: failing closed for personal data
     * means the pseudonym a database reader cannot reverse.
     */
    public static PseudonymScheme pseudonymScheme(RealmModel realm) {
        SettingsReader settings = SettingsReader.of(realm::getAttribute);
        PseudonymScheme scheme = settings.choice(PSEUDONYMS, PseudonymScheme.HMAC, SCHEMES);
        if (!settings.problems().isEmpty()) {
            Misconfiguration.logOnce("Realm '" + realm.getName() + "' has an invalid " + PSEUDONYMS
                    + " (hmac or salted-sha256); keyed pseudonyms are written until an admin fixes it");
        }
        return scheme;
    }

    private final Set<EventCode> optional;

    private EventSelection(Set<EventCode> optional) {
        this.optional = optional;
    }

    /**
     * Whether the realm writes the log. A value other than true or false (refused at save) switches it on: for an
     * audit log, failing closed means recording.
     */
    public static boolean isEnabled(RealmModel realm) {
        if (realm == null) {
            return false;
        }
        String value = realm.getAttribute(ENABLED);
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (!value.trim().equalsIgnoreCase("true")) {
            Misconfiguration.logOnce("Realm '" + realm.getName() + "' has an invalid " + ENABLED
                    + " (must be true or false); the revision log is written until an admin fixes it");
        }
        return true;
    }

    /** The client's list if it has one, else the realm's, else every optional event. */
    public static EventSelection of(RealmModel realm, ClientModel client) {
        String list = client != null ? SettingsReader.of(client).raw(EVENTS) : null;
        if (list == null || list.isBlank()) {
            list = realm.getAttribute(EVENTS);
        }
        return new EventSelection(parse(list));
    }

    /** The codes a login writes, base and optional, in code order: what the admin endpoint shows as "effective". */
    public List<Integer> describe() {
        return java.util.Arrays.stream(EventCode.values())
                .filter(this::includes)
                .map(EventCode::code)
                .sorted()
                .toList();
    }

    public boolean includes(EventCode code) {
        return code.isBase() || optional.contains(code);
    }

    /**
     * The optional events of a stored list. A list that is not valid (an unknown code, a word that is no code) was
     * refused at save ({@link #listProblem}); if one is stored anyway every event is written: for an audit log,
     * failing closed means recording more, never less, and a setting must not be able to stop logins.
     */
    static Set<EventCode> parse(String list) {
        EnumSet<EventCode> codes = EnumSet.noneOf(EventCode.class);
        if (list == null || list.isBlank() || list.trim().equalsIgnoreCase("all") || listProblem(list) != null) {
            codes.addAll(EnumSet.allOf(EventCode.class));
            return codes;
        }
        if (list.trim().equalsIgnoreCase("none")) {
            return codes;
        }
        for (String part : list.trim().split("[,\\s]+")) {
            EventCode.of(Integer.parseInt(part)).ifPresent(codes::add);
        }
        return codes;
    }

    /** Why a stored event list is not valid, or null: {@code all}, {@code none} or event codes (comma or space separated). */
    public static String listProblem(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        String trimmed = list.trim();
        if (trimmed.equalsIgnoreCase("all") || trimmed.equalsIgnoreCase("none")) {
            return null;
        }
        if (trimmed.length() > 1000) {
            return "is longer than 1000 characters";
        }
        for (String part : trimmed.split("[,\\s]+")) {
            if (!part.matches("[0-9]{4}")
                    || EventCode.of(Integer.parseInt(part)).isEmpty()) {
                return "must be all, none or a list of event codes of the revision log (docs/revision-log.md)";
            }
        }
        return null;
    }

    /** The realm's revision-log settings: on/off, optional events, retention. */
    public static List<SettingProblem> realmProblems(RealmModel realm) {
        SettingsReader settings = SettingsReader.of(realm::getAttribute);
        settings.bool(ENABLED, false);
        String problem = listProblem(realm.getAttribute(EVENTS));
        if (problem != null) {
            settings.problem(EVENTS, problem);
        }
        settings.number(RETENTION_DAYS, 1, MAX_RETENTION_DAYS);
        settings.choice(PSEUDONYMS, PseudonymScheme.HMAC, SCHEMES);
        return settings.problems();
    }

    /** A client's own optional events. */
    public static List<SettingProblem> clientProblems(ClientModel client) {
        return clientProblems(SettingsReader.of(client));
    }

    public static List<SettingProblem> clientProblems(SettingsReader settings) {
        String problem = listProblem(settings.raw(EVENTS));
        return problem == null ? List.of() : List.of(new SettingProblem(EVENTS, problem));
    }
}
