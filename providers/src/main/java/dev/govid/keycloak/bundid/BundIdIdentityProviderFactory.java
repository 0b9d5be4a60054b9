package dev.govid.keycloak.bundid;

import java.util.List;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.login.EidSystem;
import dev.govid.keycloak.saml.IdpMetadataResolver;
import org.keycloak.Config;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.validators.DestinationValidator;

/**
 * Registers "BundID" in the admin console's provider list. Admins answer only what differs per
 * installation; {@link BundIdConfig} fixes the rest of the SAML profile.
 */
public class BundIdIdentityProviderFactory extends AbstractIdentityProviderFactory<BundIdIdentityProvider> implements EidSystem {

    public static final String PROVIDER_ID = "govid-bundid";

    private DestinationValidator destinationValidator;

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
    public AssuranceLevel highestLevel() {
        return AssuranceLevel.HIGH;
    }

    @Override
    public boolean carriesMandates() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {
        destinationValidator = DestinationValidator.forProtocolMap(config.getArray("knownProtocols"));
    }

    @Override
    public BundIdIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        BundIdConfig config = new BundIdConfig(model);
        if (config.getEnvironment().orElse(null) == BundIdEnvironment.CUSTOM) {
            config.getIdpMetadataUrl().flatMap(url -> IdpMetadataResolver.resolve(session, url)).ifPresent(config::useResolvedEndpoints);
        }
        return new BundIdIdentityProvider(session, config, destinationValidator);
    }

    @Override
    public BundIdConfig createConfig() {
        return new BundIdConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(BundIdConfig.ENVIRONMENT).label("BundID environment")
                .helpText("Integration (int.id.bund.de) for onboarding tests, production (id.bund.de), or custom: any BundID-compatible IdP given by its metadata URL.")
                .type(ProviderConfigProperty.LIST_TYPE).options("integration", "production", "custom").defaultValue("integration").add()
                .property().name(BundIdConfig.METADATA_URL).label("IdP metadata URL")
                .helpText("Required for 'custom'. For integration/production it overrides the preset metadata URL; response signatures are verified with the keys published there.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(BundIdConfig.ONLINE_SERVICE_ID).label("OnlineServiceId (BMI-ID)")
                .helpText("The BMI-ID of your online service, sent as classic-ui:OnlineServiceId (mandatory since 30.06.2025).")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(BundIdConfig.ORGANIZATION_DISPLAY_NAME).label("Organization display name")
                .helpText("Shown on the BundID login page (classic-ui:OrganizationDisplayName, at most 50 characters).")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(BundIdConfig.REQUIRED_ATTRIBUTES).label("Required attributes")
                .helpText("Attributes BundID must deliver (RequiredAttribute=true). bPK2 is always requested; the temporary-login policy decides about logins without it. BundID Attribute mappers add theirs.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(BundIdAttribute.friendlyNames()).defaultValue(BundIdConfig.DEFAULT_REQUIRED_ATTRIBUTES).add()
                .property().name(BundIdConfig.OPTIONAL_ATTRIBUTES).label("Optional attributes")
                .helpText("Attributes requested if available (RequiredAttribute=false).")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(BundIdAttribute.friendlyNames()).defaultValue(BundIdConfig.DEFAULT_OPTIONAL_ATTRIBUTES).add()
                .property().name(BundIdConfig.MINIMUM_LEVEL).label("Minimum level of assurance")
                .helpText("Floor for RequestedAuthnContext (Comparison=minimum); a client asking for more (acr_values) gets more. Responses below the required level are refused.")
                .type(ProviderConfigProperty.LIST_TYPE).options(levelNames()).defaultValue(AssuranceLevel.BASIC.storkName()).add()
                .property().name(BundIdConfig.ALLOWED_METHODS).label("Allowed login methods")
                .helpText("Empty: every method BundID offers. Otherwise the others are disabled in akdb:AuthnMethods (temporary login cannot be deselected).")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(AuthnMethod.elementNames()).add()
                .property().name(BundIdConfig.LANG).label("Language of the BundID pages")
                .helpText("'auto' sends the user's Keycloak locale when BundID supports it (de, en, ru, uk), else de.")
                .type(ProviderConfigProperty.LIST_TYPE).options("auto", "de", "en", "ru", "uk").defaultValue(BundIdConfig.LANG_FROM_USER).add()
                .property().name(BundIdConfig.BACK_URL).label("Back URL")
                .helpText("classic-ui:BackURL: where BundID's 'back to the service' link leads.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(BundIdConfig.PURPOSE).label("Purpose")
                .helpText("classic-ui:Purpose (no longer shown by BundID; kept for older integrations).")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(BundIdConfig.ENABLE_STATUS_DETAIL).label("Ask for error details")
                .helpText("EnableStatusDetail: BundID explains refusals in akdb:StatusDetail, which GovID turns into specific error messages.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
                .property().name(BundIdConfig.TEMPORARY_LOGIN_POLICY).label("Temporary logins (no bPK2)")
                .helpText("reject: ask the person to log in with a BundID account. accept: a one-off user keyed by the transient NameID, marked temporary in tokens.")
                .type(ProviderConfigProperty.LIST_TYPE).options("reject", "accept").defaultValue("reject").add()
                .property().name(BundIdConfig.REQUEST_BINDING).label("Advanced: request binding")
                .helpText("POST is recommended by BundID; Redirect only if your network requires it.")
                .type(ProviderConfigProperty.LIST_TYPE).options("POST", "REDIRECT").defaultValue("POST").add()
                .property().name(BundIdConfig.KEY_INFO_EXTENSION).label("Advanced: name the signing key (Redirect binding)")
                .helpText("Adds Keycloak's KeyInfo extension with the signing key's name to Redirect-binding requests, for IdPs that select the key by name.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(BundIdConfig.REQUEST_SIGNATURE_ALGORITHM).label("Advanced: request signature algorithm")
                .type(ProviderConfigProperty.LIST_TYPE).options("RSA_SHA256", "RSA_SHA512").defaultValue("RSA_SHA256").add()
                .property().name("entityId").label("Advanced: SP entity ID")
                .helpText("Defaults to the realm URL. Must be an https URL without port and must never change: BundID derives bPK2 from it.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    private static List<String> levelNames() {
        return java.util.Arrays.stream(AssuranceLevel.values()).map(AssuranceLevel::storkName).toList();
    }
}
