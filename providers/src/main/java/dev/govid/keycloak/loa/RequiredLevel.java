package dev.govid.keycloak.loa;

import java.util.OptionalInt;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The level a login must reach: what the client asked for, never below the provider's floor. Shared by
 * every eID profile, so "level too low" means the same thing everywhere.
 */
public final class RequiredLevel {

    private RequiredLevel() {}

    /** The level to ask the eID system for. */
    public static AssuranceLevel toRequest(AssuranceLevel floor, AuthenticationSessionModel authSession) {
        OptionalInt requested = AchievedLevel.requestedBy(authSession);
        if (requested.isEmpty()) {
            return floor;
        }
        AssuranceLevel asked = AssuranceLevel.ofKeycloakLevel(
                        Math.min(requested.getAsInt(), AssuranceLevel.HIGH.keycloakLevel()))
                .orElse(floor);
        return AssuranceLevel.max(floor, asked);
    }

    /**
     * Whether an asserted level meets the request: at least the level asked for, and the client did not ask
     * for more than any eID level (a level-5 requirement can never be met).
     */
    public static boolean isMetBy(
            AssuranceLevel asserted, AssuranceLevel floor, AuthenticationSessionModel authSession) {
        return demand(floor, authSession).isMetBy(asserted);
    }

    /** What this login's response must assert, for the profiles' response rules. */
    public static LevelDemand demand(AssuranceLevel floor, AuthenticationSessionModel authSession) {
        boolean satisfiable = AchievedLevel.requestedBy(authSession).orElse(0) <= AssuranceLevel.HIGH.keycloakLevel();
        return new LevelDemand(toRequest(floor, authSession), satisfiable);
    }
}
