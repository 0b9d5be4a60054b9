package dev.govid.keycloak.digid;

import java.util.List;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.EidIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.validators.DestinationValidator;

/** Registers "DigiD" in the admin console's provider list. */
public class DigidIdentityProviderFactory extends EidIdentityProviderFactory<DigidIdentityProvider, DigidConfig> {

    public static final String PROVIDER_ID = "govid-digid";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "DigiD";
    }

    @Override
    public String getHelpText() {
        return "Log Dutch citizens in through DigiD (SAML 3.x or 4.x / Stelsel Toegang, HTTP-Artifact over mutual TLS), including DigiD Machtigen.";
    }

    @Override
    public String messageSuffix() {
        return "Digid";
    }

    /** Text only: the neutral eID symbol, never DigiD's trademarked artwork. */
    @Override
    public String logo() {
        return "eid.svg";
    }

    @Override
    public String minimumLevelKey() {
        return DigidConfig.MINIMUM_LEVEL;
    }

    @Override
    public AssuranceLevel defaultMinimumLevel() {
        return AssuranceLevel.LOW;
    }

    @Override
    public boolean carriesMandates() {
        return true;
    }

    @Override
    protected DigidConfig newConfig(IdentityProviderModel model) {
        return new DigidConfig(model);
    }

    @Override
    protected DigidIdentityProvider newProvider(
            KeycloakSession session, DigidConfig config, DestinationValidator destinationValidator) {
        return new DigidIdentityProvider(session, config, destinationValidator);
    }

    @Override
    public DigidConfig createConfig() {
        return new DigidConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(DigidConfig.ENVIRONMENT)
                .label("govidIdpDigidEnvironment")
                .helpText("govidIdpDigidEnvironmentHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("preproduction", "production", "custom")
                .defaultValue("preproduction")
                .add()
                .property()
                .name(DigidConfig.METADATA_URL)
                .label("govidIdpDigidMetadataUrl")
                .helpText("govidIdpDigidMetadataUrlHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(DigidConfig.GENERATION)
                .label("govidIdpDigidGeneration")
                .helpText("govidIdpDigidGenerationHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("3", "4")
                .defaultValue("4")
                .add()
                .property()
                .name("entityId")
                .label("govidIdpDigidEntityId")
                .helpText("govidIdpDigidEntityIdHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(DigidConfig.SERVICE_UUID)
                .label("govidIdpDigidServiceUuid")
                .helpText("govidIdpDigidServiceUuidHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(DigidConfig.SERVICE_INDEX)
                .label("govidIdpDigidServiceIndex")
                .helpText("govidIdpDigidServiceIndexHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(DigidConfig.DEFAULT_SERVICE_INDEX))
                .add()
                .property()
                .name(DigidConfig.ACS_INDEX)
                .label("govidIdpDigidAcsIndex")
                .helpText("govidIdpDigidAcsIndexHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(DigidConfig.DEFAULT_ACS_INDEX))
                .add()
                .property()
                .name(DigidConfig.MINIMUM_LEVEL)
                .label("govidIdpDigidMinimumLevel")
                .helpText("govidIdpDigidMinimumLevelHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(levelNames())
                .defaultValue(AssuranceLevel.LOW.storkName())
                .add()
                .property()
                .name(DigidConfig.MACHTIGEN)
                .label("govidIdpDigidMachtigen")
                .helpText("govidIdpDigidMachtigenHelp")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(DigidConfig.REQUEST_BINDING)
                .label("govidIdpDigidRequestBinding")
                .helpText("govidIdpDigidRequestBindingHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("POST", "REDIRECT")
                .defaultValue("POST")
                .add()
                .build();
    }
}
