package dev.govid.keycloak.selection;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the eID selection page for authentication flows. */
public class EidSelectionAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "govid-eid-selection";
    private static final EidSelectionAuthenticator INSTANCE = new EidSelectionAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "GovID: eID selection page";
    }

    @Override
    public String getHelpText() {
        return "Shows the eID systems the client offers (client attribute govid.selection.eids: aliases in order; empty = all) as clear choices. Place as ALTERNATIVE after the identity-provider redirector.";
    }

    @Override
    public String getReferenceCategory() {
        return "govid-selection";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
