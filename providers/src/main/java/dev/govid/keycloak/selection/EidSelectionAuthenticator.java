package dev.govid.keycloak.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.flow.UserlessAuthenticator;
import dev.govid.keycloak.login.EidSystem;
import dev.govid.keycloak.login.EidSystems;
import dev.govid.keycloak.mandate.RepresentationMode;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.OfferedEids;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.SettingProblem;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The eID selection page: every eID system the client offers as one clear choice. Choosing one follows
 * Keycloak's own broker login link, so nothing here starts a login itself; a refused eID login comes back to
 * this page with its message (Keycloak forwards the broker's error), where the person can try again.
 */
public class EidSelectionAuthenticator implements UserlessAuthenticator {

    static final String TEMPLATE = "govid-eid-selection.ftl";
    /** The template's list of {@link EidChoice}s. */
    static final String CHOICES = "govidEidChoices";
    /** The template's flag: the person chose "on behalf of someone" where that is optional. */
    static final String ON_BEHALF = "govidOnBehalf";
    /** The template's list of aliases of eIDs that cannot carry a mandate (shown only with {@link #ON_BEHALF}). */
    static final String WITHOUT_MANDATES = "govidEidsWithoutMandates";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        List<SettingProblem> problems = new ArrayList<>(
                ClientRules.settingsProblems(context.getAuthenticationSession().getClient()));
        problems.addAll(
                ClientSelectionSettings.read(context.getAuthenticationSession().getClient())
                        .problems());
        if (!problems.isEmpty()) {
            Misconfiguration.failFlow(context, problems);
            return;
        }
        List<IdentityProviderModel> providers = context.getSession()
                .identityProviders()
                .getAllStream(IdentityProviderQuery.userAuthentication())
                .collect(Collectors.toList());
        List<EidChoice> choices = EidChoices.forClient(
                providers,
                OfferedEids.order(context.getAuthenticationSession().getClient()),
                type -> EidKind.of(EidSystems.of(context.getSession(), type)));
        var form = PageMessage.form(context).setAttribute(CHOICES, choices);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (RepresentationRules.of(authSession.getClient()).mode() == RepresentationMode.OPTIONAL
                && RepresentationRequest.isOnBehalf(authSession)) {
            // The person chose "on behalf": say so, offer the way back, and mark the eIDs that cannot carry a mandate.
            form.setAttribute(ON_BEHALF, true);
            form.setAttribute(
                    WITHOUT_MANDATES,
                    providers.stream()
                            .filter(p -> !EidSystems.of(context.getSession(), p.getProviderId())
                                    .map(EidSystem::carriesMandates)
                                    .orElse(false))
                            .map(IdentityProviderModel::getAlias)
                            .collect(Collectors.toList()));
        }
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
}
