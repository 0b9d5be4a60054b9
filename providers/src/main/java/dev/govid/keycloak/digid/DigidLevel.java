package dev.govid.keycloak.digid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;

/**
 * DigiD's four levels in both vocabularies: the SAML authentication-context classes of 3.x and the URIs of 4.x /
 * Stelsel Toegang. Midden is eIDAS low, Substantieel substantial, Hoog high; Basis has no eIDAS level and is
 * Keycloak's lowest level.
 */
public enum DigidLevel {
    BASIS(
            AssuranceLevel.BASIC,
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
            "http://eID.logius.nl/LoA/basic"),
    MIDDEN(
            AssuranceLevel.LOW,
            "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
            "http://eidas.europa.eu/LoA/low"),
    SUBSTANTIEEL(
            AssuranceLevel.SUBSTANTIAL,
            "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
            "http://eidas.europa.eu/LoA/substantial"),
    HOOG(AssuranceLevel.HIGH, "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", "http://eidas.europa.eu/LoA/high");

    private final AssuranceLevel level;
    private final String v3ClassRef;
    private final String v4Uri;

    DigidLevel(AssuranceLevel level, String v3ClassRef, String v4Uri) {
        this.level = level;
        this.v3ClassRef = v3ClassRef;
        this.v4Uri = v4Uri;
    }

    public AssuranceLevel level() {
        return level;
    }

    /** How the level is written in a request of this generation. */
    public String write(DigidGeneration generation) {
        return generation == DigidGeneration.V3 ? v3ClassRef : v4Uri;
    }

    public static DigidLevel of(AssuranceLevel level) {
        return Arrays.stream(values()).filter(l -> l.level == level).findFirst().orElse(MIDDEN);
    }

    /**
     * Reads a stated level in either vocabulary (a 4.x answer may still carry a class, a routing service may
     * write the Logius host in lower case), so a connection does not break over which one the IdP chose.
     */
    public static Optional<DigidLevel> read(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values())
                .filter(l -> l.v3ClassRef.equals(v)
                        || l.v4Uri.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The admin's setting: a DigiD name (midden), a STORK name or an eIDAS URI. */
    public static Optional<DigidLevel> parseSetting(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Optional<DigidLevel> named = Arrays.stream(values())
                .filter(l -> l.name().equalsIgnoreCase(v))
                .findFirst();
        if (named.isPresent()) {
            return named;
        }
        Optional<DigidLevel> wire = read(v);
        return wire.isPresent() ? wire : AssuranceLevel.parse(v).map(DigidLevel::of);
    }

    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
