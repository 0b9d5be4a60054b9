package dev.govid.simulator.persona;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The personas offered on the login page, in file order. */
public final class PersonaCatalog {
    public static final String BUILT_IN_RESOURCE = "/dev/govid/simulator/personas.json";

    private final Map<String, Persona> byId;

    private PersonaCatalog(List<Persona> personas) {
        Map<String, Persona> map = new LinkedHashMap<>();
        for (Persona p : personas) {
            if (map.put(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate persona id " + p.id());
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("no personas defined");
        }
        this.byId = map;
    }

    public static PersonaCatalog load(Path file) {
        if (file == null) {
            return builtIn();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read personas " + file, e);
        }
    }

    public static PersonaCatalog builtIn() {
        try (InputStream in = PersonaCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts either {"personas":[…]} or a bare array. */
    static PersonaCatalog read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode array = root.isArray() ? root : root.path("personas");
        List<Persona> personas = new ArrayList<>();
        for (JsonNode p : array) {
            List<PersonaAttribute> attributes = new ArrayList<>();
            for (JsonNode a : p.path("attributes")) {
                attributes.add(new PersonaAttribute(
                        required(a, "name"),
                        a.path("friendlyName").asText(""),
                        required(a, "value"),
                        TrustLevel.parse(a.path("trustLevel").asText("NORMAL"))));
            }
            personas.add(new Persona(
                    required(p, "id"),
                    p.path("displayName").asText(required(p, "id")),
                    p.path("description").asText(""),
                    p.path("defaultMethod").asText("eID"),
                    p.hasNonNull("eidasLevel") ? p.get("eidasLevel").asInt() : null,
                    attributes));
        }
        return new PersonaCatalog(personas);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("persona entry lacks '" + field + "': " + node);
        }
        return value.asText();
    }

    public List<Persona> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Persona> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
