package dev.govid.keycloak.metrics;

import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Counts how logins end, from the eID-neutral login model only: the eID label is the provider type the
 * {@link EidLogin} names (or, before the eID answered, the type of the broker endpoint the request came to).
 * One refusal per request: our own refusal and Keycloak's error event for it are one failure.
 */
public final class LoginOutcomes {

    private static final String COUNTED = LoginOutcomes.class.getName() + ".refused";

    private LoginOutcomes() {}

    public static void succeeded(KeycloakSession session, UserSessionModel userSession) {
        EidLoginNote.of(session, userSession)
                .ifPresent(login -> GovIdMetrics.login(
                        login.system(),
                        login.level() == null ? null : login.level().name(),
                        "success"));
    }

    public static void refused(KeycloakSession session, AuthenticationSessionModel authSession, String code) {
        if (session.getAttribute(COUNTED) != null) {
            return;
        }
        session.setAttribute(COUNTED, Boolean.TRUE);
        Optional<EidLogin> login = authSession == null
                ? Optional.empty()
                : EidLoginNote.ofLoginInProgress(session, authSession)
                        .or(() -> loginOfTheSession(session, authSession));
        String eid = login.map(EidLogin::system).orElseGet(() -> brokerEndpointType(session));
        if (eid == null) {
            // A password or other non-eID login failing is not GovID's business.
            return;
        }
        String level = login.map(EidLogin::level).map(Enum::name).orElse(null);
        GovIdMetrics.login(eid, level, "refused");
        GovIdMetrics.refusal(code, eid);
    }

    /**
     * On the SSO path the login is in the user session, whose id Keycloak takes from the root authentication
     * session: a refusal there (the application's rules) is counted with the eID the session was made with.
     */
    private static Optional<EidLogin> loginOfTheSession(
            KeycloakSession session, AuthenticationSessionModel authSession) {
        if (authSession.getParentSession() == null || authSession.getRealm() == null) {
            return Optional.empty();
        }
        return EidLoginNote.of(
                session,
                session.sessions()
                        .getUserSession(
                                authSession.getRealm(),
                                authSession.getParentSession().getId()));
    }

    /** The provider type behind {@code /realms/{realm}/broker/{alias}/…}, when this request is an eID's answer. */
    private static String brokerEndpointType(KeycloakSession session) {
        if (session.getContext().getUri() == null) {
            return null;
        }
        List<String> segments = session.getContext().getUri().getPathSegments().stream()
                .map(s -> s.getPath())
                .toList();
        int broker = segments.indexOf("broker");
        if (broker < 0 || broker + 1 >= segments.size()) {
            return null;
        }
        IdentityProviderModel model = session.identityProviders().getByAlias(segments.get(broker + 1));
        return model == null || !model.getProviderId().startsWith("govid-") ? null : model.getProviderId();
    }
}
