package dev.govid.keycloak.loa;

/**
 * The level one login must reach, fixed before the response is judged: {@code level} is what was asked for
 * (the client's request, never below the provider's floor); {@code satisfiable} is false when the client asked
 * for more than any eID level, so that no response can meet it.
 */
public record LevelDemand(AssuranceLevel level, boolean satisfiable) {

    public boolean isMetBy(AssuranceLevel asserted) {
        return satisfiable && asserted.atLeast(level);
    }
}
