package dev.govid.keycloak.selection;

import java.util.List;
import java.util.stream.Collectors;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The eID selection page: every eID system the client offers as one clear choice. Choosing one follows
 * Keycloak's own broker login link, so nothing here starts a login itself; a refused eID login comes back to
 * this page with its message (Keycloak forwards the broker's error), where the person can try again.
 */
public class EidSelectionAuthenticator implements Authenticator {

    static final String TEMPLATE = "govid-eid-selection.ftl";
    /** The template's list of {@link EidChoice}s. */
    static final String CHOICES = "govidEidChoices";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        List<IdentityProviderModel> providers = context.getSession().identityProviders()
                .getAllStream(IdentityProviderQuery.userAuthentication()).collect(Collectors.toList());
        List<EidChoice> choices = EidChoices.forClient(providers,
                ClientSelectionSettings.eidOrder(context.getAuthenticationSession().getClient()));
        var form = context.form().setAttribute(CHOICES, choices);
        if (choices.isEmpty()) {
            form.setError("govidSelectionNoEid");
            context.failureChallenge(AuthenticationFlowError.IDENTITY_PROVIDER_NOT_FOUND, form.createForm(TEMPLATE));
            return;
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    /** The page has no form of its own; a stray POST just shows it again. */
    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
