package dev.govid.keycloak.validation;

import dev.govid.keycloak.settings.SettingProblem;
import org.keycloak.models.ClientModel;
import org.keycloak.validation.ClientValidationContext;
import org.keycloak.validation.ClientValidationProvider;
import org.keycloak.validation.ValidationContext;
import org.keycloak.validation.ValidationResult;

/**
 * Keycloak's client validation (redirect URIs, URLs, PKCE, …) followed by GovID's: a client with an invalid GovID
 * setting is not saved. Keycloak runs the realm's one client-validation provider when a client is created or
 * updated through the admin REST API (and so the admin console), when a realm is imported (at start-up with
 * {@code --import-realm} or by {@code POST /admin/realms}), and on dynamic client registration; see
 * docs/keycloak-internals.md for what it does not cover.
 */
public class GovIdClientValidationProvider implements ClientValidationProvider {

    private final ClientValidationProvider keycloak;

    public GovIdClientValidationProvider(ClientValidationProvider keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public ValidationResult validate(ValidationContext<ClientModel> context) {
        keycloak.validate(context);
        addGovIdErrors(context);
        return context.toResult();
    }

    @Override
    public ValidationResult validate(ClientValidationContext.OIDCContext context) {
        keycloak.validate(context);
        addGovIdErrors(context);
        return context.toResult();
    }

    private static void addGovIdErrors(ValidationContext<ClientModel> context) {
        ClientModel client = context.getObjectToValidate();
        if (client == null) {
            return;
        }
        for (SettingProblem problem : GovIdSettings.clientProblems(context.getSession(), client)) {
            context.addError(problem.key(), "GovID setting " + problem);
        }
    }
}
