package dev.govid.keycloak.loa;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Levels of assurance as Keycloak sees them. The ordinal meaning follows STORK QAA because every
 * vocabulary we meet (BundID, eIDAS, PVP) maps onto it without loss.
 */
public enum AssuranceLevel {
    BASIC(1, "STORK-QAA-Level-1", null, "0"),
    LOW(2, "STORK-QAA-Level-2", "http://eidas.europa.eu/LoA/low", "0-1"),
    SUBSTANTIAL(3, "STORK-QAA-Level-3", "http://eidas.europa.eu/LoA/substantial", "0-2"),
    HIGH(4, "STORK-QAA-Level-4", "http://eidas.europa.eu/LoA/high", "0-3");

    /** PVP 2.1 security classes, the Austrian portal-network vocabulary. */
    public static final String SECCLASS_PREFIX = "http://www.ref.gv.at/ns/names/agiz/pvp/secclass/";

    private final int keycloakLevel;
    private final String storkName;
    private final String eidasUri;
    private final String secclass;

    AssuranceLevel(int keycloakLevel, String storkName, String eidasUri, String secclass) {
        this.keycloakLevel = keycloakLevel;
        this.storkName = storkName;
        this.eidasUri = eidasUri;
        this.secclass = secclass;
    }

    /** The PVP secclass URI ({@code …/secclass/0} … {@code …/secclass/0-3}). */
    public String secclassUri() {
        return SECCLASS_PREFIX + secclass;
    }

    /** The eIDAS URI, or for basic registration (which eIDAS does not know) the lowest eIDAS level's. */
    public String eidasUriOrLowest() {
        return eidasUri != null ? eidasUri : LOW.eidasUri;
    }

    public int keycloakLevel() {
        return keycloakLevel;
    }

    public String storkName() {
        return storkName;
    }

    /** The eIDAS URI, or empty for basic registration, which eIDAS does not know. */
    public Optional<String> eidasUri() {
        return Optional.ofNullable(eidasUri);
    }

    public boolean atLeast(AssuranceLevel other) {
        return keycloakLevel >= other.keycloakLevel;
    }

    public static AssuranceLevel max(AssuranceLevel a, AssuranceLevel b) {
        return a.atLeast(b) ? a : b;
    }

    public static Optional<AssuranceLevel> ofKeycloakLevel(int level) {
        return Arrays.stream(values()).filter(l -> l.keycloakLevel == level).findFirst();
    }

    /**
     * Reads a level in any vocabulary we accept on the wire: STORK names (BundID sends them without the
     * URN prefix, some stacks with {@code http://eidas.europa.eu/LoA/NotNotified/} or similar prefixes),
     * eIDAS URIs and bare numbers.
     */
    public static Optional<AssuranceLevel> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        for (AssuranceLevel level : values()) {
            if (v.equalsIgnoreCase(level.storkName)
                    || v.equalsIgnoreCase(level.eidasUri)
                    || v.equals(level.secclassUri())
                    || v.toLowerCase(Locale.ROOT).endsWith("/" + level.storkName.toLowerCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        if (v.matches("[1-4]")) {
            return ofKeycloakLevel(Integer.parseInt(v));
        }
        return Optional.empty();
    }
}
