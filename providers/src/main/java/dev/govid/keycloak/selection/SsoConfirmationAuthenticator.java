package dev.govid.keycloak.selection;

import dev.govid.keycloak.flow.UserlessAuthenticator;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.Parsed;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.models.ClientModel;

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
        Parsed<ClientSelectionSettings> settings = ClientSelectionSettings.read(client);
        if (!settings.valid()) {
            Misconfiguration.failFlow(context, settings.problems());
            return;
        }
        if (!AuthenticatorUtil.isSSOAuthentication(context.getAuthenticationSession()) || !settings.value().confirmsSso()) {
            context.success();
            return;
        }
        context.challenge(context.form().setAttribute("govidSsoUser", SignedInPerson.of(context.getUser()))
                .createForm(TEMPLATE));
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
            context.challenge(context.form().setAttribute("govidSsoUser", SignedInPerson.of(context.getUser()))
                    .setError("govidSsoChoose").createForm(TEMPLATE));
        }
    }
}
