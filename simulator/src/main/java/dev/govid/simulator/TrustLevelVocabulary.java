package dev.govid.simulator;

import java.util.Arrays;

/**
 * BundID documents two spellings for {@code akdb:TrustLevel}; relying parties must cope with both, so the
 * simulator can emit either.
 */
public enum TrustLevelVocabulary {
    /** UNTERGEORDNET | NORMAL | SUBSTANTIELL | HOCH, as in the specification's XML examples. */
    SPEC_EXAMPLES("spec-examples"),
    /** Basisregistrierung | Niedrig | Substantiell | Hoch, as in the specification's attribute table. */
    SPEC_TABLE("spec-table");

    private final String cliName;

    TrustLevelVocabulary(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static TrustLevelVocabulary fromCliName(String name) {
        return Arrays.stream(values())
                .filter(v -> v.cliName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trust level vocabulary: " + name));
    }
}
