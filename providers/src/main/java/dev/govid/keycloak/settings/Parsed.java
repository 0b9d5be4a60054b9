package dev.govid.keycloak.settings;

import java.util.List;

/**
 * A settings group read once: the typed value and what was wrong with the stored strings. When
 * {@link #problems()} is not empty the value holds defaults in the refused places and must not be acted on:
 * logins fail closed ({@link Misconfiguration}) and saves are refused ({@link GovIdClientValidationProvider}).
 */
public record Parsed<T>(T value, List<SettingProblem> problems) {

    public Parsed {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
