package dev.govid.keycloak.selection;

import dev.govid.keycloak.flow.UserlessAuthenticator;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.rules.BrowserSession;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserSessionModel;

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

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ClientModel client = context.getAuthenticationSession().getClient();
        if (!AuthenticatorUtil.isSSOAuthentication(context.getAuthenticationSession())
                || !ClientSelectionSettings.confirmsSso(client)) {
            context.success();
            return;
        }
        context.challenge(context.form().setAttribute("govidSsoUser", signedIn(context))
                .createForm(TEMPLATE));
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
            context.cancelLogin();
        } else {
            context.challenge(context.form().setAttribute("govidSsoUser", signedIn(context))
                    .setError("govidSsoChoose").createForm(TEMPLATE));
        }
    }
}
