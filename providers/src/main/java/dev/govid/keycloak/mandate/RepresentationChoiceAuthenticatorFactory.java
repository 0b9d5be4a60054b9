package dev.govid.keycloak.mandate;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the representation step for authentication flows ("GovID: for myself / on behalf of someone"). */
public class RepresentationChoiceAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "govid-representation-choice";
    private static final RepresentationChoiceAuthenticator INSTANCE = new RepresentationChoiceAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "GovID: for myself / on behalf of someone";
    }

    @Override
    public String getHelpText() {
        return "Place before the identity-provider redirector. Asks whether the person acts for themself or for someone else "
                + "(client attribute govid.representation = off | optional | required) so the eID request asks for mandate attributes.";
    }

    @Override
    public String getReferenceCategory() {
        return "govid-representation";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
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
