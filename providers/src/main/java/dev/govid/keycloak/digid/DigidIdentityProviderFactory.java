package dev.govid.keycloak.digid;

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

/** Registers "DigiD" in the admin console's provider list. */
public class DigidIdentityProviderFactory extends AbstractIdentityProviderFactory<DigidIdentityProvider> implements EidSystem {

    public static final String PROVIDER_ID = "govid-digid";

    private DestinationValidator destinationValidator;
    /** This node's copy of each DigiD metadata's ArtifactResolutionService. */
    private final DigidMetadata metadata = new DigidMetadata();

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
    public AssuranceLevel highestLevel() {
        return AssuranceLevel.HIGH;
    }

    @Override
    public boolean carriesMandates() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
        destinationValidator = DestinationValidator.forProtocolMap(config.getArray("knownProtocols"));
    }

    @Override
    public DigidIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        DigidConfig config = new DigidConfig(model);
        config.getIdpMetadataUrl().ifPresent(url -> {
            IdpMetadataResolver.resolve(session, url).ifPresent(config::useResolvedEndpoints);
            metadata.artifactResolutionService(session, url).ifPresent(config::useResolvedArtifactResolutionUrl);
        });
        return new DigidIdentityProvider(session, config, destinationValidator);
    }

    @Override
    public DigidConfig createConfig() {
        return new DigidConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(DigidConfig.ENVIRONMENT).label("Environment")
                .helpText("DigiD preproduction (for onboarding), production, or custom (a routing service or a simulator, by its metadata URL).")
                .type(ProviderConfigProperty.LIST_TYPE).options("preproduction", "production", "custom").defaultValue("preproduction").add()
                .property().name(DigidConfig.METADATA_URL).label("Custom metadata URL")
                .helpText("Only for the custom environment: the IdP metadata with SingleSignOnService, ArtifactResolutionService (SOAP) and signing keys.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(DigidConfig.GENERATION).label("Specification")
                .helpText("3 = DigiD SAML 3.x (legacy); 4 = eID SAML 4.x / Stelsel Toegang through a routing service.")
                .type(ProviderConfigProperty.LIST_TYPE).options("3", "4").defaultValue("4").add()
                .property().name("entityId").label("SP entity ID")
                .helpText("As registered with Logius (4.x: urn:nl-eid-gdi:1.0:DV:<OIN>:entities:<index>). Defaults to the realm URL.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(DigidConfig.SERVICE_UUID).label("ServiceUUID")
                .helpText("The service's UUID in the DigiD / routing-service catalogue; every 4.x answer must name it. Required for 4.x.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(DigidConfig.SERVICE_INDEX).label("AttributeConsumingServiceIndex")
                .helpText("Index of the AttributeConsumingService carrying the ServiceUUID in the SP metadata.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DigidConfig.DEFAULT_SERVICE_INDEX)).add()
                .property().name(DigidConfig.ACS_INDEX).label("AssertionConsumerServiceIndex")
                .helpText("Index of the HTTP-Artifact AssertionConsumerService in the SP metadata (4.x names it by index only).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DigidConfig.DEFAULT_ACS_INDEX)).add()
                .property().name(DigidConfig.MINIMUM_LEVEL).label("Minimum level")
                .helpText("Level-1 = basis, Level-2 = midden (eIDAS low), Level-3 = substantieel, Level-4 = hoog (the names basis … hoog are accepted too); applications may ask for more with acr_values.")
                .type(ProviderConfigProperty.LIST_TYPE).options(levelNames()).defaultValue(AssuranceLevel.LOW.storkName()).add()
                .property().name(DigidConfig.MACHTIGEN).label("DigiD Machtigen offered")
                .helpText("Whether people may act on behalf of someone else (gemachtigde for machtiginggever). Which clients accept it is set per client.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(DigidConfig.REQUEST_BINDING).label("3.x request binding")
                .helpText("3.x only: POST, or REDIRECT with a query signature. 4.x always uses POST.")
                .type(ProviderConfigProperty.LIST_TYPE).options("POST", "REDIRECT").defaultValue("POST").add()
                .build();
    }

    /** Stored as GovID's common level names, which the selection page and the rules read for every eID system. */
    private static List<String> levelNames() {
        return java.util.Arrays.stream(AssuranceLevel.values()).map(AssuranceLevel::storkName).toList();
    }
}
