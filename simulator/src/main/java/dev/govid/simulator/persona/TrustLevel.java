package dev.govid.simulator.persona;

import java.util.Locale;

import dev.govid.simulator.TrustLevelVocabulary;

/** The four BundID attribute trust levels, spelt in either documented vocabulary. */
public enum TrustLevel {
    UNTERGEORDNET("Basisregistrierung"),
    NORMAL("Niedrig"),
    SUBSTANTIELL("Substantiell"),
    HOCH("Hoch");

    private final String tableSpelling;

    TrustLevel(String tableSpelling) {
        this.tableSpelling = tableSpelling;
    }

    public String spelling(TrustLevelVocabulary vocabulary) {
        return vocabulary == TrustLevelVocabulary.SPEC_TABLE ? tableSpelling : name();
    }

    /** Accepts both vocabularies, case-insensitively. */
    public static TrustLevel parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (TrustLevel level : values()) {
            if (level.name().equals(t)
                    || level.tableSpelling.toUpperCase(Locale.ROOT).equals(t)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown trust level: " + text);
    }

    /** The attribute trust that an authentication at the given STORK level vouches for. */
    public static TrustLevel ofStorkLevel(int storkLevel) {
        return switch (storkLevel) {
            case 4 -> HOCH;
            case 3 -> SUBSTANTIELL;
            case 2 -> NORMAL;
            default -> UNTERGEORDNET;
        };
    }
}
