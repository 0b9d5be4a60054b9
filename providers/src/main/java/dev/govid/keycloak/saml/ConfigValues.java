package dev.govid.keycloak.saml;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the string values the admin console stores in identity-provider and mapper configurations. */
public final class ConfigValues {

    private ConfigValues() {}

    public static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Multivalued settings arrive as {@code a##b} from the admin console, as JSON arrays from some
     * imports and as comma lists from hand-written realm files; all three are accepted.
     */
    public static List<String> list(String value) {
        String v = trimToNull(value);
        if (v == null) {
            return List.of();
        }
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1).replace("\"", "");
        }
        return Arrays.stream(v.split("##|,"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
