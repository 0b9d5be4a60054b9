package dev.govid.simulator.persona;

import java.util.List;
import java.util.Optional;

/**
 * A test citizen. {@code eidasLevel} is the STORK level an eIDAS login of this persona reaches (null = 4).
 */
public record Persona(
        String id,
        String displayName,
        String description,
        String defaultMethod,
        Integer eidasLevel,
        List<PersonaAttribute> attributes) {

    public Persona {
        attributes = List.copyOf(attributes);
    }

    public Optional<PersonaAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public int eidasLevelOrDefault() {
        return eidasLevel == null ? 4 : eidasLevel;
    }
}
