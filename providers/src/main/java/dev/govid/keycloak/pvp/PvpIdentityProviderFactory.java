package dev.govid.keycloak.pvp;

import java.util.Arrays;
import java.util.List;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.EidIdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.saml.validators.DestinationValidator;

/** Registers "ID Austria / PVP" in the admin console's provider list. */
public class PvpIdentityProviderFactory extends EidIdentityProviderFactory<PvpIdentityProvider, PvpConfig> {

    public static final String PROVIDER_ID = "govid-pvp";

    private final SpKeyStrength keyStrength = new SpKeyStrength();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "ID Austria / PVP";
    }

    @Override
    public String getHelpText() {
        return "Log citizens in through ID Austria (E-ID) or another PVP2 S-Profil identity provider, including logins on behalf of someone (Vollmachten).";
    }

    @Override
    public String messageSuffix() {
        return "IdAustria";
    }

    @Override
    public String logo() {
        return "idaustria.svg";
    }

    @Override
    public String minimumLevelKey() {
        return PvpConfig.MINIMUM_LEVEL;
    }

    @Override
    public AssuranceLevel defaultMinimumLevel() {
        return AssuranceLevel.SUBSTANTIAL;
    }

    @Override
    public boolean carriesMandates() {
        return true;
    }

    @Override
    protected PvpConfig newConfig(IdentityProviderModel model) {
        return new PvpConfig(model);
    }

    @Override
    protected PvpIdentityProvider newProvider(
            KeycloakSession session, PvpConfig config, DestinationValidator destinationValidator) {
        return new PvpIdentityProvider(session, config, destinationValidator);
    }

    /** This node's record of weak SP keys already warned about. */
    static SpKeyStrength keyStrength(KeycloakSession session) {
        ProviderFactory<?> factory =
                session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, PROVIDER_ID);
        return ((PvpIdentityProviderFactory) factory).keyStrength;
    }

    @Override
    public PvpConfig createConfig() {
        return new PvpConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(PvpConfig.METADATA_URL)
                .label("govidIdpPvpMetadataUrl")
                .helpText("govidIdpPvpMetadataUrlHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .required(true)
                .add()
                .property()
                .name(PvpConfig.SECTOR)
                .label("govidIdpPvpSector")
                .helpText("govidIdpPvpSectorHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(PvpConfig.DEFAULT_SECTOR)
                .add()
                .property()
                .name(PvpConfig.REQUIRED_ATTRIBUTES)
                .label("govidIdpPvpRequiredAttributes")
                .helpText("govidIdpPvpRequiredAttributesHelp")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(nonMandateAttributes())
                .defaultValue(PvpConfig.DEFAULT_REQUIRED_ATTRIBUTES)
                .add()
                .property()
                .name(PvpConfig.OPTIONAL_ATTRIBUTES)
                .label("govidIdpPvpOptionalAttributes")
                .helpText("govidIdpPvpOptionalAttributesHelp")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(nonMandateAttributes())
                .defaultValue(PvpConfig.DEFAULT_OPTIONAL_ATTRIBUTES)
                .add()
                .property()
                .name(PvpConfig.LOA_VOCABULARY)
                .label("govidIdpPvpLoaVocabulary")
                .helpText("govidIdpPvpLoaVocabularyHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("eidas", "secclass", "stork")
                .defaultValue("eidas")
                .add()
                .property()
                .name(PvpConfig.MINIMUM_LEVEL)
                .label("govidIdpPvpMinimumLevel")
                .helpText("govidIdpPvpMinimumLevelHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(levelNames())
                .defaultValue(AssuranceLevel.SUBSTANTIAL.storkName())
                .add()
                .property()
                .name(PvpConfig.TEST_CONNECTION)
                .label("govidIdpPvpTestConnection")
                .helpText("govidIdpPvpTestConnectionHelp")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(PvpConfig.ALLOW_AES_CBC)
                .label("govidIdpPvpAllowAesCbc")
                .helpText("govidIdpPvpAllowAesCbcHelp")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(PvpConfig.ACCEPTED_VERSIONS)
                .label("govidIdpPvpAcceptedVersions")
                .helpText("govidIdpPvpAcceptedVersionsHelp")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .defaultValue("2.1##2.2")
                .add()
                .property()
                .name(PvpConfig.REQUESTED_ATTRIBUTES_EXTENSION)
                .label("govidIdpPvpRequestedAttributesExtension")
                .helpText("govidIdpPvpRequestedAttributesExtensionHelp")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(PvpConfig.REQUEST_BINDING)
                .label("govidIdpPvpRequestBinding")
                .helpText("govidIdpPvpRequestBindingHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("POST", "REDIRECT")
                .defaultValue("POST")
                .add()
                .property()
                .name(PvpConfig.REQUEST_SIGNATURE_ALGORITHM)
                .label("govidIdpPvpRequestSignatureAlgorithm")
                .helpText("govidIdpPvpRequestSignatureAlgorithmHelp")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("RSA_SHA256", "RSA_SHA512")
                .defaultValue("RSA_SHA256")
                .add()
                .property()
                .name("entityId")
                .label("govidIdpPvpEntityId")
                .helpText("govidIdpPvpEntityIdHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .build();
    }

    private static List<String> nonMandateAttributes() {
        return Arrays.stream(PvpAttribute.values())
                .filter(a -> !a.isMandateAttribute())
                .map(PvpAttribute::friendlyName)
                .toList();
    }
}
