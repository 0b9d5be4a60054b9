package dev.govid.keycloak.bundid;

import java.util.Locale;
import java.util.Optional;

/**
 * BundID's per-attribute {@code akdb:TrustLevel}. The specification uses two vocabularies for the same four
 * steps (examples: UNTERGEORDNET…HOCH, table: Basisregistrierung…Hoch); both arrive in practice, so both are
 * read and one canonical name is handed on.
 */
public enum TrustLevel {
    UNTERGEORDNET("Basisregistrierung"),
    NORMAL("Niedrig"),
    SUBSTANTIELL("Substantiell"),
    HOCH("Hoch");

    private final String tableName;

    TrustLevel(String tableName) {
        this.tableName = tableName;
    }

    public static Optional<TrustLevel> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            value = value.substring(colon + 1);
        }
        for (TrustLevel level : values()) {
            if (level.name().equalsIgnoreCase(value) || level.tableName.equalsIgnoreCase(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    public String canonicalName() {
        return name().toUpperCase(Locale.ROOT);
    }
}
