package dev.govid.keycloak.mandate;

import java.io.IOException;
import java.util.Optional;

import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * The mandate of a login, kept as JSON in one user-session note: user sessions hold strings only, are
 * replicated across the cluster, and outlive Keycloak's broker serialisation of the first login.
 */
public final class MandateSessionNote {

    public static final String NOTE = "govid.mandate";

    private MandateSessionNote() {
    }

    public static void store(AuthenticationSessionModel authSession, Mandate mandate) {
        authSession.setUserSessionNote(NOTE, toJson(mandate));
    }

    public static Optional<Mandate> read(UserSessionModel userSession) {
        return fromJson(userSession.getNote(NOTE));
    }

    static String toJson(Mandate mandate) {
        try {
            return JsonSerialization.writeValueAsString(mandate);
        } catch (IOException e) {
            throw new IllegalStateException("mandate cannot be serialised", e);
        }
    }

    static Optional<Mandate> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonSerialization.readValue(json, Mandate.class));
        } catch (IOException e) {
            throw new IllegalStateException("stored mandate is not readable", e);
        }
    }
}
