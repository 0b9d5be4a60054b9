package dev.govid.keycloak.selection;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the SSO confirmation step for authentication flows. */
public class SsoConfirmationAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "govid-sso-confirmation";
    private static final SsoConfirmationAuthenticator INSTANCE = new SsoConfirmationAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "GovID: SSO confirmation";
    }

    @Override
    public String getHelpText() {
        return "After a login answered by the SSO cookie, asks 'You are signed in as ... - continue to the application?'. Place as REQUIRED after the sub-flow holding the cookie step; client attribute govid.sso.confirmation=false skips it.";
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
