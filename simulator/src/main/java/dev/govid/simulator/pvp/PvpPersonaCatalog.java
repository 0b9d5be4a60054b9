package dev.govid.simulator.pvp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The PVP personas offered on the PVP login page, in file order (format: see README, "PVP mode"). */
public final class PvpPersonaCatalog {
    public static final String BUILT_IN_RESOURCE = "/dev/govid/simulator/pvp-personas.json";

    private final Map<String, PvpPersona> byId;

    private PvpPersonaCatalog(List<PvpPersona> personas) {
        Map<String, PvpPersona> map = new LinkedHashMap<>();
        for (PvpPersona p : personas) {
            if (map.put(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate PVP persona id " + p.id());
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("no PVP personas defined");
        }
        this.byId = map;
    }

    public static PvpPersonaCatalog load(Path file) {
        if (file == null) {
            return builtIn();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PVP personas " + file, e);
        }
    }

    public static PvpPersonaCatalog builtIn() {
        try (InputStream in = PvpPersonaCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts either {"personas":[…]} or a bare array. */
    static PvpPersonaCatalog read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode array = root.isArray() ? root : root.path("personas");
        List<PvpPersona> personas = new ArrayList<>();
        for (JsonNode p : array) {
            String id = required(p, "id");
            String levelName = p.path("maxLevel").asText("high");
            personas.add(new PvpPersona(
                    id,
                    p.path("displayName").asText(id),
                    p.path("description").asText(""),
                    required(p, "givenName"),
                    required(p, "familyName"),
                    date(p, "birthDate").toString(),
                    required(p, "baseId"),
                    optional(p, "mail"),
                    p.path("issuingNation").asText("AT"),
                    LoginLevel.fromWireName(levelName)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "unknown maxLevel '" + levelName + "' of persona " + id)),
                    p.path("testIdentity").asBoolean(false),
                    p.hasNonNull("mandate") ? mandate(p.get("mandate")) : null));
        }
        return new PvpPersonaCatalog(personas);
    }

    private static PvpMandate mandate(JsonNode m) {
        JsonNode rep = m.get("professionalRepresentative");
        return new PvpMandate(
                required(m, "type"),
                required(m, "typeOid"),
                required(m, "referenceValue"),
                date(m, "validFrom"),
                date(m, "validTo"),
                mandator(m.path("mandator")),
                rep == null || rep.isNull()
                        ? null
                        : new PvpMandate.ProfessionalRepresentative(
                                required(rep, "oid"), required(rep, "description")));
    }

    private static PvpMandate.Mandator mandator(JsonNode m) {
        String kind = required(m, "kind");
        return switch (kind) {
            case "natural" ->
                new PvpMandate.NaturalMandator(
                        required(m, "givenName"),
                        required(m, "familyName"),
                        date(m, "birthDate"),
                        required(m, "baseId"));
            case "legal" ->
                new PvpMandate.LegalMandator(
                        required(m, "fullName"), required(m, "sourcePin"), required(m, "sourcePinType"));
            default -> throw new IllegalArgumentException("mandator kind must be natural or legal: " + m);
        };
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(required(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not yyyy-MM-dd: " + node, e);
        }
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new IllegalArgumentException("PVP persona entry lacks '" + field + "': " + node);
        }
        return value;
    }

    public List<PvpPersona> all() {
        return List.copyOf(byId.values());
    }

    public Optional<PvpPersona> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
