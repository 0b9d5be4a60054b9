package dev.govid.keycloak.mandate;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;

/**
 * A client's rules for acting on behalf of someone, read from client attributes (admin console: client →
 * Advanced → or the realm import). As MOA-ID did per online application: whether representation is off,
 * optional or required; which mandate profiles are accepted (by type, type OID or professional-representative
 * OID); natural and/or legal mandators; the longest validity a mandate may have; private-sector clients.
 * Read on every login, so {@link #read} touches only these five attributes.
 */
public record RepresentationRules(
        RepresentationMode mode,
        List<String> acceptedProfiles,
        Set<MandatorKind> acceptedMandators,
        Optional<Integer> maxValidityDays,
        boolean privateSector) {

    public static final String MODE = "govid.representation";
    public static final String PROFILES = "govid.mandate.profiles";
    public static final String MANDATORS = "govid.mandate.mandators";
    public static final String MAX_VALIDITY_DAYS = "govid.mandate.maxValidityDays";
    /** Whether the application is in the private sector: one key for every protocol. */
    public static final String PRIVATE_SECTOR = "govid.privateSector";
    /** Deprecated spelling of {@link #PRIVATE_SECTOR} from MOA-ID's SAML1 settings; still read. */
    public static final String LEGACY_PRIVATE_SECTOR = "moa.privateSector";

    private static final long MAX_DAYS = 36_600;

    public static Parsed<RepresentationRules> read(ClientModel client) {
        return read(SettingsReader.of(client));
    }

    public static Parsed<RepresentationRules> read(SettingsReader settings) {
        RepresentationMode mode = settings.choice(
                MODE,
                RepresentationMode.OFF,
                SettingsReader.options(
                        List.of("off", "optional", "required"),
                        List.of(RepresentationMode.OFF, RepresentationMode.OPTIONAL, RepresentationMode.REQUIRED)));
        List<String> kinds = settings.list(
                MANDATORS,
                kind -> kind.equalsIgnoreCase("natural") || kind.equalsIgnoreCase("legal")
                        ? null
                        : "lists something else than natural and legal, the mandator kinds");
        Set<MandatorKind> mandators = EnumSet.noneOf(MandatorKind.class);
        for (String kind : settings.isSet(MANDATORS) ? kinds : List.of("natural", "legal")) {
            mandators.add(kind.equalsIgnoreCase("natural") ? MandatorKind.NATURAL : MandatorKind.LEGAL);
        }
        List<String> profiles = settings.list(PROFILES, RepresentationRules::profileProblem);
        Optional<Integer> maxDays =
                settings.number(MAX_VALIDITY_DAYS, 1, MAX_DAYS).map(Long::intValue);
        return settings.result(new RepresentationRules(mode, profiles, mandators, maxDays, privateSector(settings)));
    }

    /**
     * The rules of a client whose settings are valid; for a client with invalid settings the rules with defaults
     * in the refused places. Login paths check {@link #read} (or the client-settings gate) before they act.
     */
    public static RepresentationRules of(ClientModel client) {
        return read(client).value();
    }

    /**
     * {@link #PRIVATE_SECTOR}, else the deprecated {@link #LEGACY_PRIVATE_SECTOR}; both set to different values
     * is a problem (which one did the admin mean?).
     */
    public static boolean privateSector(SettingsReader settings) {
        boolean current = settings.bool(PRIVATE_SECTOR, false);
        if (!settings.isSet(LEGACY_PRIVATE_SECTOR)) {
            return current;
        }
        boolean legacy = settings.bool(LEGACY_PRIVATE_SECTOR, false);
        if (settings.isSet(PRIVATE_SECTOR) && legacy != current) {
            settings.problem(
                    LEGACY_PRIVATE_SECTOR,
                    "contradicts " + PRIVATE_SECTOR + " (deprecated key; remove it and keep " + PRIVATE_SECTOR + ")");
        }
        return settings.isSet(PRIVATE_SECTOR) ? current : legacy;
    }

    /** {@code *}, a mandate type name, an OID, or a UUID (DigiD Machtigen's mandate type is the service's ServiceUUID). */
    private static String profileProblem(String profile) {
        if (profile.equals("*")
                || profile.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")
                || profile.matches("[0-9]+(\\.[0-9]+){1,30}")
                || profile.matches("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")) {
            return null;
        }
        return "lists an entry that is neither *, a mandate type (letters, digits, - and _), an OID nor a ServiceUUID";
    }

    public boolean allowsRepresentation() {
        return mode != RepresentationMode.OFF;
    }
}
