package dev.govid.keycloak.mandate;

import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.flow.UserlessAuthenticator;
import dev.govid.keycloak.login.EidSystem;
import dev.govid.keycloak.login.EidSystems;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.Parsed;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Asks "for myself or on behalf of someone?" before the eID login (the "before login" option of the
 * DigiD Machtigen guide, MOA-ID's {@code useMandate}), so the upstream request can ask for mandate
 * attributes. Skipped for clients without representation, decided silently for clients that require it,
 * and skipped when the login is already directed at an eID system that cannot carry mandates.
 */
public class RepresentationChoiceAuthenticator implements UserlessAuthenticator {

    static final String TEMPLATE = "govid-representation-choice.ftl";
    static final String FIELD = "representation";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Parsed<RepresentationRules> parsed = RepresentationRules.read(authSession.getClient());
        if (!parsed.valid()) {
            Misconfiguration.failFlow(context, parsed.problems());
            return;
        }
        RepresentationRules rules = parsed.value();
        switch (rules.mode()) {
            case OFF -> {
                RepresentationRequest.record(authSession, false);
                context.success();
            }
            case REQUIRED -> {
                RepresentationRequest.record(authSession, true);
                context.success();
            }
            case OPTIONAL -> {
                if (authSession.getAuthNote(RepresentationRequest.NOTE) != null) {
                    // Already answered by the protocol (MOA-ID's useMandate parameter).
                    context.success();
                } else if (hintedProviderCannotCarryMandates(context)) {
                    RepresentationRequest.record(authSession, false);
                    context.success();
                } else {
                    context.challenge(form(context, null));
                }
            }
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String answer = form.getFirst(FIELD);
        if (RepresentationRequest.ON_BEHALF.equals(answer) || RepresentationRequest.SELF.equals(answer)) {
            PageMessage.forget(context.getAuthenticationSession());
            RepresentationRequest.record(
                    context.getAuthenticationSession(), RepresentationRequest.ON_BEHALF.equals(answer));
            context.success();
        } else {
            context.challenge(form(context, "govidRepresentationChoose"));
        }
    }

    private static Response form(AuthenticationFlowContext context, String error) {
        var form = PageMessage.form(context);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static boolean hintedProviderCannotCarryMandates(AuthenticationFlowContext context) {
        String hint = context.getAuthenticationSession().getClientNote(AdapterConstants.KC_IDP_HINT);
        if (hint == null || hint.isBlank()) {
            return false;
        }
        IdentityProviderModel provider =
                context.getSession().identityProviders().getByAlias(hint);
        return provider != null
                && !EidSystems.of(context.getSession(), provider.getProviderId())
                        .map(EidSystem::carriesMandates)
                        .orElse(false);
    }
}
