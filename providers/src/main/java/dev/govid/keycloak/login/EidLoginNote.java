package dev.govid.keycloak.login;

import java.io.IOException;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * Keeps the {@link EidLogin} of a login as one JSON user-session note, and decides who may read it. A new login
 * replaces the note as a whole (Keycloak copies the authentication session's user-session notes over the user
 * session's), so nothing of an earlier login survives next to a later one.
 *
 * <p>Consumers that hand data to a client read it through {@link #forClient}: only a client session that the
 * per-client rules passed for exactly this login (it carries the login's id) sees it. A client session created
 * before a later login changed what the session proved sees nothing until the rules pass it again.
 */
public final class EidLoginNote {

    public static final String NOTE = "govid.login";
    /** Client-session note: the id of the login the per-client rules passed for this client. */
    public static final String PASSED = "govid.login.passed";

    private static final Logger LOG = Logger.getLogger(EidLoginNote.class);
    private static final String PARSED = EidLoginNote.class.getName();

    private EidLoginNote() {}

    /**
     * Keeps the login for the session, with only the optional data the login's client needs ({@link ClientDataNeeds}):
     * user-session notes end up in Keycloak's persisted sessions, so what no consumer of this client reads is not kept.
     * A client reached later by SSO that needs more gets a fresh eID login ({@code ClientRules}).
     */
    public static void store(KeycloakSession session, AuthenticationSessionModel authSession, EidLogin login) {
        EidLogin kept = ClientDataNeeds.of(session.getKeycloakSessionFactory(), authSession.getClient())
                .applyTo(login);
        try {
            authSession.setUserSessionNote(NOTE, JsonSerialization.writeValueAsString(kept));
        } catch (IOException e) {
            throw new IllegalStateException("the login model cannot be serialised", e);
        }
    }

    /** What the user session's last eID login proved, for the rules and the pages (not for clients). */
    public static Optional<EidLogin> of(KeycloakSession session, UserSessionModel userSession) {
        return userSession == null ? Optional.empty() : parse(session, userSession.getNote(NOTE));
    }

    /** What the login now running in this authentication session proved, before it has a user session. */
    public static Optional<EidLogin> ofLoginInProgress(
            KeycloakSession session, AuthenticationSessionModel authSession) {
        return parse(session, authSession.getUserSessionNotes().get(NOTE));
    }

    /** What a client may be told: the session's login, only if the per-client rules passed it for this client session. */
    public static Optional<EidLogin> forClient(KeycloakSession session, AuthenticatedClientSessionModel clientSession) {
        if (clientSession == null) {
            return Optional.empty();
        }
        Optional<EidLogin> login = of(session, clientSession.getUserSession());
        String passed = clientSession.getNote(PASSED);
        return login.filter(l -> l.id() != null && l.id().equals(passed));
    }

    /** Marks the login the rules just passed, in the authentication session Keycloak turns into the client session. */
    public static void markPassed(AuthenticationSessionModel authSession, EidLogin login) {
        authSession.setClientNote(PASSED, login.id());
    }

    /** Parsed once per request and note value: mappers, the rules and the pages all ask for it. */
    private static Optional<EidLogin> parse(KeycloakSession session, String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        Object cached = session.getAttribute(PARSED);
        if (cached instanceof Parsed p && p.json().equals(json)) {
            return Optional.of(p.login());
        }
        try {
            EidLogin login = JsonSerialization.readValue(json, EidLogin.class);
            session.setAttribute(PARSED, new Parsed(json, login));
            return Optional.of(login);
        } catch (IOException e) {
            LOG.warnf(
                    "A stored GovID login note is not readable (%s); the session is treated as proving nothing",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private record Parsed(String json, EidLogin login) {}
}
