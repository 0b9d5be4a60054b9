package dev.govid.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Realm export files read the way Keycloak's {@code --import-realm} reads them: {@code ${NAME}} and
 * {@code ${NAME:default}} replaced. Lets a running server re-import through the admin API, which is much
 * cheaper than a fresh database (schema creation and master realm cost ~16 s per start).
 */
public final class RealmFiles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");

    private RealmFiles() {}

    public static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list realm exports in " + dir, e);
        }
    }

    public static JsonNode read(Path file, Map<String, String> placeholders) {
        try {
            return Json.parse(resolve(Files.readString(file), placeholders));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Unknown names without a default stay as they are, as in Keycloak. */
    public static String resolve(String text, Map<String, String> placeholders) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = placeholders.get(matcher.group(1));
            if (value == null) {
                value = matcher.group(2) != null ? matcher.group(2) : matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(jsonStringContent(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Placeholders sit inside JSON strings, so their values need JSON string escaping. */
    private static String jsonStringContent(String value) {
        String quoted = Json.write(Json.MAPPER.getNodeFactory().textNode(value));
        return quoted.substring(1, quoted.length() - 1);
    }
}
