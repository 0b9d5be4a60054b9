package dev.govid.keycloak.flow;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers one stateless GovID step for authentication flows: not configurable, no user setup, one shared
 * authenticator instance. Subclasses only name the step and say where it may stand.
 */
public abstract class GovIdAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String referenceCategory;
    private final String helpText;
    private final Authenticator authenticator;
    private final Requirement[] requirements;

    protected GovIdAuthenticatorFactory(
            String id,
            String displayType,
            String referenceCategory,
            String helpText,
            Authenticator authenticator,
            Requirement... requirements) {
        this.id = id;
        this.displayType = displayType;
        this.referenceCategory = referenceCategory;
        this.helpText = helpText;
        this.authenticator = authenticator;
        this.requirements = requirements.clone();
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return requirements.clone();
    }

    @Override
    public final boolean isConfigurable() {
        return false;
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
