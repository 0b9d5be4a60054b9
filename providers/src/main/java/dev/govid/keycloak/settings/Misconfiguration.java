package dev.govid.keycloak.settings;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What a login does when a setting it depends on is invalid although saving it should have been refused (a
 * partial import, a database edit, a value saved by an older GovID): it stops with a clear page instead of
 * guessing or throwing, and the log gets one line naming the setting — the first time at WARN, every later
 * refusal for the same problems at DEBUG, so a busy application cannot flood the log.
 */
public final class Misconfiguration {

    /** The page's message: "this application's login is not set up correctly". */
    public static final String MESSAGE = "govidSettingsInvalid";

    private static final Logger LOG = Logger.getLogger(Misconfiguration.class);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Misconfiguration() {}

    /** Logs a refused login: once at WARN per distinct set of problems of one thing, later at DEBUG. */
    public static void log(String what, List<SettingProblem> problems) {
        logOnce("Login refused: the GovID settings of " + what + " are invalid (" + summary(problems)
                + "); fix them in the admin console or the realm file");
    }

    /** One line at WARN the first time, at DEBUG after that. */
    public static void logOnce(String line) {
        if (REPORTED.size() > MAX_REMEMBERED) {
            REPORTED.clear();
        }
        if (REPORTED.add(line)) {
            LOG.warn(line);
        } else {
            LOG.debug(line);
        }
    }

    public static String summary(List<SettingProblem> problems) {
        return problems.stream().map(SettingProblem::toString).collect(Collectors.joining("; "));
    }

    public static String describe(ClientModel client) {
        return "client '" + client.getClientId() + "' of realm '"
                + client.getRealm().getName() + "'";
    }

    /** The page for a login to a client with invalid settings; logs the refusal. */
    public static Response clientPage(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            ClientModel client,
            List<SettingProblem> problems) {
        log(describe(client), problems);
        return page(session, authSession);
    }

    /** The page for a login through an identity provider with an invalid configuration; logs the refusal. */
    public static Response providerPage(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            String alias,
            List<SettingProblem> problems) {
        log(
                "identity provider '" + alias + "' of realm '"
                        + session.getContext().getRealm().getName() + "'",
                problems);
        return page(session, authSession);
    }

    /** Ends an authentication flow step with the page. */
    public static void failFlow(AuthenticationFlowContext context, List<SettingProblem> problems) {
        ClientModel client = context.getAuthenticationSession().getClient();
        context.failure(
                AuthenticationFlowError.INTERNAL_ERROR,
                clientPage(context.getSession(), context.getAuthenticationSession(), client, problems));
    }

    private static Response page(KeycloakSession session, AuthenticationSessionModel authSession) {
        return ErrorPage.error(session, authSession, Response.Status.INTERNAL_SERVER_ERROR, MESSAGE);
    }
}
