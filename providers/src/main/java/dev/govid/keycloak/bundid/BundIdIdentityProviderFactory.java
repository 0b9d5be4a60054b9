package dev.govid.keycloak.bundid;

import java.util.List;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.EidIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.validators.DestinationValidator;

/**
 * Registers "BundID" in the admin console's provider list. Admins answer only what differs per
 * installation; {@link BundIdConfig} fixes the rest of the SAML profile.
 */
public class BundIdIdentityProviderFactory extends EidIdentityProviderFactory<BundIdIdentityProvider, BundIdConfig> {

    public static final String PROVIDER_ID = "govid-bundid";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "BundID";
    }

    @Override
    public String getHelpText() {
        return "Log citizens in through BundID, the German federal citizen account (SAML 2.0 with the akdb extension).";
    }

    @Override
    public String messageSuffix() {
        return "BundId";
    }

    @Override
    public String logo() {
        return "bundid.svg";
    }

    @Override
    public String minimumLevelKey() {
        return BundIdConfig.MINIMUM_LEVEL;
    }

    @Override
    public AssuranceLevel defaultMinimumLevel() {
        return AssuranceLevel.BASIC;
    }

    @Override
    public boolean carriesMandates() {
        return false;
    }

    @Override
    protected BundIdConfig newConfig(IdentityProviderModel model) {
        return new BundIdConfig(model);
    }

    /** The integration and production environments have preset endpoints; only a custom IdP is read from its metadata. */
    @Override
    protected boolean readsMetadata(BundIdConfig config) {
        return config.getEnvironment().orElse(null) == BundIdEnvironment.CUSTOM;
    }

    @Override
    protected BundIdIdentityProvider newProvider(
            KeycloakSession session, BundIdConfig config, DestinationValidator destinationValidator) {
        return new BundIdIdentityProvider(session, config, destinationValidator);
    }

    @Override
    public BundIdConfig createConfig() {
        return new BundIdConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(BundIdConfig.ENVIRONMENT)
                .label("govidIdpBundidEnvironment")
                .helpText("govidIdpBundidEnvironmentHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("integration", "production", "custom")
                .defaultValue("integration")
                .add()
                .property()
                .name(BundIdConfig.METADATA_URL)
                .label("govidIdpBundidMetadataUrl")
                .helpText("govidIdpBundidMetadataUrlHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(BundIdConfig.ONLINE_SERVICE_ID)
                .label("govidIdpBundidOnlineServiceId")
                .helpText("govidIdpBundidOnlineServiceIdHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .required(true)
                .add()
                .property()
                .name(BundIdConfig.ORGANIZATION_DISPLAY_NAME)
                .label("govidIdpBundidOrganizationDisplayName")
                .helpText("govidIdpBundidOrganizationDisplayNameHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .required(true)
                .add()
                .property()
                .name(BundIdConfig.REQUIRED_ATTRIBUTES)
                .label("govidIdpBundidRequiredAttributes")
                .helpText("govidIdpBundidRequiredAttributesHelp")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(BundIdAttribute.friendlyNames())
                .defaultValue(BundIdConfig.DEFAULT_REQUIRED_ATTRIBUTES)
                .add()
                .property()
                .name(BundIdConfig.OPTIONAL_ATTRIBUTES)
                .label("govidIdpBundidOptionalAttributes")
                .helpText("govidIdpBundidOptionalAttributesHelp")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(BundIdAttribute.friendlyNames())
                .defaultValue(BundIdConfig.DEFAULT_OPTIONAL_ATTRIBUTES)
                .add()
                .property()
                .name(BundIdConfig.MINIMUM_LEVEL)
                .label("govidIdpBundidMinimumLevel")
                .helpText("govidIdpBundidMinimumLevelHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(levelNames())
                .defaultValue(AssuranceLevel.BASIC.storkName())
                .add()
                .property()
                .name(BundIdConfig.ALLOWED_METHODS)
                .label("govidIdpBundidAllowedMethods")
                .helpText("govidIdpBundidAllowedMethodsHelp")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(AuthnMethod.elementNames())
                .add()
                .property()
                .name(BundIdConfig.LANG)
                .label("govidIdpBundidLang")
                .helpText("govidIdpBundidLangHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("auto", "de", "en", "ru", "uk")
                .defaultValue(BundIdConfig.LANG_FROM_USER)
                .add()
                .property()
                .name(BundIdConfig.BACK_URL)
                .label("govidIdpBundidBackUrl")
                .helpText("govidIdpBundidBackUrlHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(BundIdConfig.PURPOSE)
                .label("govidIdpBundidPurpose")
                .helpText("govidIdpBundidPurposeHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(BundIdConfig.ENABLE_STATUS_DETAIL)
                .label("govidIdpBundidEnableStatusDetail")
                .helpText("govidIdpBundidEnableStatusDetailHelp")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
                .property()
                .name(BundIdConfig.TEMPORARY_LOGIN_POLICY)
                .label("govidIdpBundidTemporaryLoginPolicy")
                .helpText("govidIdpBundidTemporaryLoginPolicyHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("reject", "accept")
                .defaultValue("reject")
                .add()
                .property()
                .name(BundIdConfig.REQUEST_BINDING)
                .label("govidIdpBundidRequestBinding")
                .helpText("govidIdpBundidRequestBindingHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("POST", "REDIRECT")
                .defaultValue("POST")
                .add()
                .property()
                .name(BundIdConfig.KEY_INFO_EXTENSION)
                .label("govidIdpBundidKeyInfoExtension")
                .helpText("govidIdpBundidKeyInfoExtensionHelp")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(BundIdConfig.REQUEST_SIGNATURE_ALGORITHM)
                .label("govidIdpBundidRequestSignatureAlgorithm")
                .helpText("govidIdpBundidRequestSignatureAlgorithmHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("RSA_SHA256", "RSA_SHA512")
                .defaultValue("RSA_SHA256")
                .add()
                .property()
                .name("entityId")
                .label("govidIdpBundidEntityId")
                .helpText("govidIdpBundidEntityIdHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .build();
    }
}
