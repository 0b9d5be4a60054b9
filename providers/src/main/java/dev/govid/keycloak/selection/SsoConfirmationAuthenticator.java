package dev.govid.keycloak.selection;

import dev.govid.keycloak.flow.UserlessAuthenticator;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.rules.BrowserSession;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.Parsed;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * MOA-ID's "Single-Sign-On Anmeldeabfrage": when the login was answered by an existing SSO session (Keycloak's
 * cookie step), the person confirms "You are signed in as … — continue to <application>?" before the
 * application gets the identity. Any other login passes straight through; so does a client that switched the
 * confirmation off. With {@code prompt=none} the challenge makes Keycloak answer {@code login_required}.
 */
public class SsoConfirmationAuthenticator implements UserlessAuthenticator {

    static final String TEMPLATE = "govid-sso-confirmation.ftl";
    static final String FIELD = "govid-sso";
    static final String CONTINUE = "continue";
    static final String CANCEL = "cancel";
    /** What the application learns on Cancel (OIDC {@code error_description}; {@code error} is {@code access_denied}). */
    static final String CANCEL_DESCRIPTION =
            "The person chose not to continue with the existing sign-in (SSO confirmation cancelled)";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ClientModel client = context.getAuthenticationSession().getClient();
        Parsed<ClientSelectionSettings> settings = ClientSelectionSettings.read(client);
        if (!settings.valid()) {
            Misconfiguration.failFlow(context, settings.problems());
            return;
        }
        if (!AuthenticatorUtil.isSSOAuthentication(context.getAuthenticationSession())
                || !settings.value().confirmsSso()) {
            context.success();
            return;
        }
        context.challenge(
                context.form().setAttribute("govidSsoUser", signedIn(context)).createForm(TEMPLATE));
    }

    private static SignedInPerson signedIn(AuthenticationFlowContext context) {
        UserSessionModel session = BrowserSession.of(context.getSession(), context.getAuthenticationSession());
        return SignedInPerson.of(context.getUser(), EidLoginNote.of(context.getSession(), session));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String answer = form.getFirst(FIELD);
        if (CONTINUE.equals(answer)) {
            context.success();
        } else if (CANCEL.equals(answer)) {
            cancel(context);
        } else {
            context.challenge(context.form()
                    .setAttribute("govidSsoUser", signedIn(context))
                    .setError("govidSsoChoose")
                    .createForm(TEMPLATE));
        }
    }

    /**
     * As {@code context.cancelLogin()}, which sends Keycloak's {@code CANCELLED_BY_USER} without a description, but
     * with {@link #CANCEL_DESCRIPTION}, so the application can tell this cancel from others.
     */
    private static void cancel(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginProtocol protocol = context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol());
        if (protocol == null) {
            context.cancelLogin();
            return;
        }
        context.getEvent().error(Errors.REJECTED_BY_USER);
        protocol.setRealm(context.getRealm())
                .setHttpHeaders(context.getSession().getContext().getRequestHeaders())
                .setUriInfo(context.getUriInfo())
                .setEventBuilder(context.getEvent());
        context.forceChallenge(
                protocol.sendError(authSession, LoginProtocol.Error.CANCELLED_BY_USER, CANCEL_DESCRIPTION));
    }
}
