package dev.govid.keycloak.health;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One check of the self-test. {@code name} is stable and safe to show unauthenticated (e.g.
 * {@code metadata:bundid}, {@code certificate:realm-signing}); {@code details} only goes to admins.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Check(String name, boolean ok, String message, Map<String, Object> details) {

    static Check pass(String name, String message, Map<String, Object> details) {
        return new Check(name, true, message, details);
    }

    static Check fail(String name, String message, Map<String, Object> details) {
        return new Check(name, false, message, details);
    }
}
