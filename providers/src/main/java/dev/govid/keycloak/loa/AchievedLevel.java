package dev.govid.keycloak.loa;

import java.util.OptionalInt;

import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Bridges an upstream eID level to Keycloak's level-of-authentication bookkeeping. Keycloak derives the
 * OIDC {@code acr} claim and its SSO step-up decisions from the level recorded in the authentication
 * session, so recording the asserted level there is all a brokered login needs — no token mapper of our own.
 */
public final class AchievedLevel {

    private AchievedLevel() {}

    /**
     * The numeric level the client asked for ({@code acr_values}, essential {@code acr} claim, client
     * default ACR values), as Keycloak resolved it through the realm's or client's ACR-to-LoA map.
     */
    public static OptionalInt requestedBy(AuthenticationSessionModel authSession) {
        String note = authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
        if (note == null) {
            return OptionalInt.empty();
        }
        try {
            int requested = Integer.parseInt(note);
            return requested > Constants.MINIMUM_LOA ? OptionalInt.of(requested) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Records the asserted level for the current login and for later SSO step-up decisions. The level map goes into
     * the user session as Keycloak's own level condition puts it there, so single sign-on keeps the level (for the
     * max age the flow's level conditions give it) instead of falling back to {@code acr} "0".
     */
    public static void record(KeycloakSession session, AuthenticationSessionModel authSession, AssuranceLevel level) {
        new AcrStore(session, authSession).setLevelAuthenticated(level.keycloakLevel());
        authSession.setUserSessionNote(Constants.LOA_MAP, authSession.getAuthNote(Constants.LOA_MAP));
    }
}
