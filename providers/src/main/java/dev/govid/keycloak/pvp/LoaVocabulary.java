package dev.govid.keycloak.pvp;

import java.util.Locale;

import dev.govid.keycloak.loa.AssuranceLevel;

/** Which vocabulary the configured IdP expects in {@code RequestedAuthnContext}. */
public enum LoaVocabulary {
    /** PVP 2.1 secclass URIs (portal network, MOA-ID). */
    SECCLASS,
    /** STORK QAA level names. */
    STORK,
    /** eIDAS LoA URIs (ID Austria / E-ID). */
    EIDAS;

    public String write(AssuranceLevel level) {
        return switch (this) {
            case SECCLASS -> level.secclassUri();
            case STORK -> level.storkName();
            case EIDAS -> level.eidasUriOrLowest();
        };
    }

    /** Unset or unknown: eIDAS (an unknown value is refused at save, see {@link PvpConfig#problems()}). */
    static LoaVocabulary fromConfig(String value) {
        if (value == null) {
            return EIDAS;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "secclass" -> SECCLASS;
            case "stork" -> STORK;
            default -> EIDAS;
        };
    }
}
