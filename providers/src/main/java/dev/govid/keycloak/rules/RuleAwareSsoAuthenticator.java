package dev.govid.keycloak.rules;

import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.SettingProblem;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's cookie step, asking first whether the session satisfies the client: if what the session's eID login
 * proved does not fit this client's rules (another eID, a higher level, on behalf of someone or for oneself, another
 * mandate), the cookie is not used and the flow goes on to a fresh login, with a message saying why — as Keycloak's
 * own step-up does for levels. With {@code prompt=none} the fresh login cannot happen, so the client gets
 * {@code login_required}. Everything else (levels and their max age, {@code prompt=login}, {@code max_age}) stays
 * Keycloak's.
 */
public class RuleAwareSsoAuthenticator extends CookieAuthenticator {

    private static final Logger LOG = Logger.getLogger(RuleAwareSsoAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        List<SettingProblem> problems = ClientRules.settingsProblems(authSession.getClient());
        if (!problems.isEmpty()) {
            Misconfiguration.failFlow(context, problems);
            return;
        }
        AuthenticationManager.AuthResult sso =
                AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
        if (sso != null) {
            Optional<RuleViolation> violation = ClientRules.check(
                    context.getSession(), authSession, EidLoginNote.of(context.getSession(), sso.session()));
            if (violation.isPresent()) {
                LOG.debugf(
                        "SSO session not used for client '%s': %s",
                        authSession.getClient().getClientId(), violation.get().reason());
                if (violation.get().needsAnotherEid()) {
                    SessionReplacement.end(context.getSession(), context.getRealm(), sso.session());
                }
                context.setForwardedInfoMessage(violation.get().ssoMessageKey());
                PageMessage.info(authSession, violation.get().ssoMessageKey());
                context.attempted();
                return;
            }
        }
        super.authenticate(context);
    }
}
