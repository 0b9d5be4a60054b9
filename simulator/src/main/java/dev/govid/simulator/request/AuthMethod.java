package dev.govid.simulator.request;

import java.util.Optional;

import dev.govid.simulator.persona.Persona;

/** BundID authentication methods, with the element names the akdb extension uses for them. */
public enum AuthMethod {
    AUTHEGA("Authega", 3),
    BENUTZERNAME("Benutzername", 1),
    EID("eID", 4),
    /** Level depends on the notified scheme of the member state, so it comes from the persona. */
    EIDAS("eIDAS", 4),
    DIIA("Diia", 3),
    ELSTER("Elster", 3),
    FINK("FINK", 3);

    private final String wireName;
    private final int nominalStorkLevel;

    AuthMethod(String wireName, int nominalStorkLevel) {
        this.wireName = wireName;
        this.nominalStorkLevel = nominalStorkLevel;
    }

    public String wireName() {
        return wireName;
    }

    /** The highest level the method can reach; used to decide what to offer before a persona is chosen. */
    public int nominalStorkLevel() {
        return nominalStorkLevel;
    }

    public int storkLevel(Persona persona) {
        return this == EIDAS ? persona.eidasLevelOrDefault() : nominalStorkLevel;
    }

    public static Optional<AuthMethod> fromWireName(String name) {
        for (AuthMethod m : values()) {
            if (m.wireName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
