package dev.govid.keycloak.rules;

import java.util.Optional;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.saml.ErrorsReturnToApplication;
import dev.govid.keycloak.settings.Misconfiguration;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The enforcement point. Keycloak evaluates required-action triggers whenever a login is about to give a client a
 * session — after a fresh eID login, after the first-broker-login flow, on single sign-on by cookie, on step-up,
 * for {@code prompt=none} and for every protocol — whatever authentication flow the realm uses. Here the client's
 * rules meet what the session proved: a login that passes marks the client session so claim mappers and the SAML1
 * assertion may use the login; one that does not is refused (OIDC: {@code access_denied} to the client; SAML1: the
 * MOA-ID code to the application; {@code prompt=none}: {@code interaction_required}). The friendlier path, a fresh
 * login instead of a refusal, belongs to the flow's SSO step ({@link RuleAwareSsoAuthenticator}); this is the
 * backstop for every path that does not pass through it.
 */
public class ClientRulesRequiredAction implements RequiredActionProvider {

    public static final String ID = "govid-client-rules";
    private static final Logger LOG = Logger.getLogger(ClientRulesRequiredAction.class);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<EidLogin> fresh = EidLoginNote.ofLoginInProgress(session, authSession);
        Optional<EidLogin> login =
                fresh.isPresent() ? fresh : EidLoginNote.of(session, BrowserSession.of(session, authSession));
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, login);
        if (violation.isPresent()) {
            authSession.addRequiredAction(ID);
        } else {
            login.ifPresent(l -> EidLoginNote.markPassed(authSession, l));
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<EidLogin> login = EidLoginNote.ofLoginInProgress(session, authSession)
                .or(() -> EidLoginNote.of(session, BrowserSession.of(session, authSession)));
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, login);
        if (violation.isEmpty()) {
            login.ifPresent(l -> EidLoginNote.markPassed(authSession, l));
            context.success();
            return;
        }
        context.challenge(refuse(context, violation.get()));
    }

    /** The refusal as the client's protocol delivers errors, reported once to the log and the revision log. */
    private static Response refuse(RequiredActionContext context, RuleViolation violation) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String client = authSession.getClient().getClientId();
        RevisionLog.of(session).loginFailed(authSession, "ClientRules", violation.moaStatusCode(), violation.reason());
        if (violation.misconfiguration()) {
            // Not the application's error to handle, and not a rule the person could satisfy: a page, no redirect.
            return Misconfiguration.clientPage(
                    session, authSession, authSession.getClient(), violation.settingProblems());
        }
        LOG.infof("Login for client '%s' refused by its rules: %s", client, violation.reason());
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        if (protocol instanceof ErrorsReturnToApplication application) {
            return application.returnError(authSession, violation.messageKey());
        }
        protocol.setRealm(authSession.getRealm())
                .setHttpHeaders(session.getContext().getRequestHeaders())
                .setUriInfo(session.getContext().getUri())
                .setEventBuilder(context.getEvent());
        return protocol.sendError(
                authSession,
                LoginProtocol.Error.CONSENT_DENIED,
                "MOA-ID " + violation.moaStatusCode() + ": " + violation.reason());
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    @Override
    public void close() {}
}
