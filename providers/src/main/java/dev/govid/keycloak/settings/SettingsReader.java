package dev.govid.keycloak.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.ClientModel;

/**
 * Reads the strings Keycloak stores (client attributes, identity-provider config, realm attributes) as typed
 * values and collects every value that does not fit, instead of guessing: an unknown choice is a problem, not
 * the default; {@code "yes"} is not a boolean; {@code "30 days"} is not a number. A missing or blank value
 * takes the documented default. After a problem the returned value is the default and must not be used (see
 * {@link Parsed}). Never throws.
 */
public final class SettingsReader {

    /** The longest value any GovID text setting may have; longer ones are refused, not cut. */
    public static final int MAX_TEXT = 1000;

    private final Function<String, String> values;
    private final List<SettingProblem> problems = new ArrayList<>();

    private SettingsReader(Function<String, String> values) {
        this.values = values;
    }

    /** The client's effective settings: console (GovID settings mappers) first, then legacy attributes ({@link ClientSettingsSources}). */
    public static SettingsReader of(ClientModel client) {
        return new SettingsReader(ClientSettingsSources.of(client));
    }

    public static SettingsReader of(Map<String, String> values) {
        Map<String, String> source = values == null ? Map.of() : values;
        return new SettingsReader(source::get);
    }

    public static SettingsReader of(Function<String, String> values) {
        return new SettingsReader(values);
    }

    /** The raw stored value, or null. */
    public String raw(String key) {
        return values.apply(key);
    }

    public boolean isSet(String key) {
        return ConfigValues.trimToNull(raw(key)) != null;
    }

    /** Trimmed text, or null when unset; refused when longer than {@code maxLength} or with control characters. */
    public String text(String key, int maxLength) {
        String value = ConfigValues.trimToNull(raw(key));
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            problem(key, "is longer than " + maxLength + " characters");
            return null;
        }
        if (value.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problem(key, "contains a line break or another control character");
            return null;
        }
        return value;
    }

    public String text(String key) {
        return text(key, MAX_TEXT);
    }

    /** {@code true} or {@code false} (any case); anything else is refused. */
    public boolean bool(String key, boolean defaultValue) {
        String value = ConfigValues.trimToNull(raw(key));
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        problem(key, "must be true or false");
        return defaultValue;
    }

    /** A whole number in {@code [min, max]}; empty when unset. */
    public Optional<Long> number(String key, long min, long max) {
        String value = ConfigValues.trimToNull(raw(key));
        if (value == null) {
            return Optional.empty();
        }
        if (!value.matches("[0-9]{1,18}")) {
            problem(key, "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        long n = Long.parseLong(value);
        if (n < min || n > max) {
            problem(key, "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /**
     * One of the named options (any case); unset takes {@code defaultValue}, anything else is refused. The map's
     * order is the order the message lists the options in.
     */
    public <E> E choice(String key, E defaultValue, Map<String, E> options) {
        String value = ConfigValues.trimToNull(raw(key));
        if (value == null) {
            return defaultValue;
        }
        for (Map.Entry<String, E> option : options.entrySet()) {
            if (option.getKey().equalsIgnoreCase(value)) {
                return option.getValue();
            }
        }
        problem(key, "must be one of " + String.join(", ", options.keySet()));
        return defaultValue;
    }

    /** A list ({@code ##}, comma or JSON array); each entry checked by {@code entry}, which returns a problem or null. */
    public List<String> list(String key, Function<String, String> entry) {
        List<String> entries = ConfigValues.list(raw(key));
        List<String> accepted = new ArrayList<>(entries.size());
        for (String value : entries) {
            String problem = entry.apply(value);
            if (problem != null) {
                problem(key, problem);
            } else {
                accepted.add(value);
            }
        }
        return Collections.unmodifiableList(accepted);
    }

    public void problem(String key, String message) {
        SettingProblem problem = new SettingProblem(key, message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    public List<SettingProblem> problems() {
        return List.copyOf(problems);
    }

    public <T> Parsed<T> result(T value) {
        return new Parsed<>(value, problems);
    }

    /** The options in order, for a choice that has names for each value (e.g. an enum's config names). */
    public static <E> Map<String, E> options(List<String> names, List<E> values) {
        Map<String, E> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values.get(i));
        }
        return map;
    }
}
