package dev.govid.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deliberate defects the login page can inject into a success response, so relying parties can prove they
 * reject them. The wire name is the value of the {@code fault} form field.
 */
public enum Fault {
    NONE("none", "Kein Fehler (gültige Antwort)"),
    TAMPERED_SIGNATURE("tampered-signature", "Response nach dem Signieren verändert"),
    UNSIGNED("unsigned", "Response ohne Signatur"),
    PLAIN_ASSERTION("plain-assertion", "Assertion unverschlüsselt"),
    EXPIRED("expired", "Abgelaufene Assertion"),
    WRONG_AUDIENCE("wrong-audience", "Falsche Audience"),
    WRONG_DESTINATION("wrong-destination", "Falsche Destination"),
    XXE("xxe", "XXE (externe Entität im DOCTYPE)"),
    ENTITY_EXPANSION("entity-expansion", "Entity-Expansion (Billion Laughs)"),
    ASSERTION_SIGNED_ONLY("assertion-signed-only", "Nur die Assertion signiert, Response unsigniert"),
    UNDERSTATED_LEVEL("understated-level", "STORK-QAA-Level-1 statt des angeforderten Niveaus");

    private final String wireName;
    private final String label;

    Fault(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<Fault> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
