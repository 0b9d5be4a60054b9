package dev.govid.keycloak.pvp;

import java.util.Arrays;
import java.util.List;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.EidIdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ProviderConfigurationBuilder;
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
    protected PvpIdentityProvider newProvider(KeycloakSession session, PvpConfig config, DestinationValidator destinationValidator) {
        return new PvpIdentityProvider(session, config, destinationValidator);
    }

    /** This node's record of weak SP keys already warned about. */
    static SpKeyStrength keyStrength(KeycloakSession session) {
        ProviderFactory<?> factory = session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, PROVIDER_ID);
        return ((PvpIdentityProviderFactory) factory).keyStrength;
    }

    @Override
    public PvpConfig createConfig() {
        return new PvpConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(PvpConfig.METADATA_URL).label("IdP metadata URL")
                .helpText("Metadata of ID Austria (test or production, as given at registration) or of another PVP2 IdP. Endpoints and signing keys are read from it.")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(PvpConfig.SECTOR).label("Sector (Bereich)")
                .helpText("The sector of your application: a public-sector code such as BF or GH, or for private-sector services your register number (XFN+468924i). Delivered bPKs must belong to it.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(PvpConfig.DEFAULT_SECTOR).add()
                .property().name(PvpConfig.REQUIRED_ATTRIBUTES).label("Required attributes")
                .helpText("PVP attributes the IdP must deliver. The bPK is always required.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(nonMandateAttributes()).defaultValue(PvpConfig.DEFAULT_REQUIRED_ATTRIBUTES).add()
                .property().name(PvpConfig.OPTIONAL_ATTRIBUTES).label("Optional attributes")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(nonMandateAttributes()).defaultValue(PvpConfig.DEFAULT_OPTIONAL_ATTRIBUTES).add()
                .property().name(PvpConfig.LOA_VOCABULARY).label("Level-of-assurance vocabulary")
                .helpText("How levels are written in RequestedAuthnContext: eIDAS URIs (ID Austria), PVP secclass URIs (portal network) or STORK QAA names.")
                .type(ProviderConfigProperty.LIST_TYPE).options("eidas", "secclass", "stork").defaultValue("eidas").add()
                .property().name(PvpConfig.MINIMUM_LEVEL).label("Minimum level of assurance")
                .type(ProviderConfigProperty.LIST_TYPE).options(levelNames()).defaultValue(AssuranceLevel.SUBSTANTIAL.storkName()).add()
                .property().name(PvpConfig.TEST_CONNECTION).label("Test connection")
                .helpText("Accept ID Austria test identities (EID-IDENTITY-STATUS-LEVEL …/testidentity). Leave off for production.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(PvpConfig.ALLOW_AES_CBC).label("Advanced: accept AES-CBC")
                .helpText("Accept assertions encrypted with AES-CBC (xmlenc 1.0) besides AES-GCM, for a PVP IdP that cannot encrypt with GCM yet. AES-CBC without an authenticated mode is weaker (BSI TR-03116-4 asks for GCM); leave off unless the IdP needs it.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(PvpConfig.ACCEPTED_VERSIONS).label("Accepted PVP versions")
                .helpText("PVP-VERSION values a response may state; a response without PVP-VERSION or with another value is refused. ID Austria sends 2.2, MOA-ID and the portal network 2.1.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).defaultValue("2.1##2.2").add()
                .property().name(PvpConfig.REQUESTED_ATTRIBUTES_EXTENSION).label("Advanced: requested attributes in the request")
                .helpText("Also list the requested attributes in each AuthnRequest (eidas:RequestedAttributes extension), for a PVP IdP that reads them there. ID Austria selects the attribute set by AttributeConsumingServiceIndex from the SP metadata; leave off for ID Austria.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(PvpConfig.REQUEST_BINDING).label("Advanced: request binding")
                .type(ProviderConfigProperty.LIST_TYPE).options("POST", "REDIRECT").defaultValue("POST").add()
                .property().name(PvpConfig.REQUEST_SIGNATURE_ALGORITHM).label("Advanced: request signature algorithm")
                .type(ProviderConfigProperty.LIST_TYPE).options("RSA_SHA256", "RSA_SHA512").defaultValue("RSA_SHA256").add()
                .property().name("entityId").label("Advanced: SP entity ID")
                .helpText("Defaults to the realm URL; must match your registration.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    private static List<String> nonMandateAttributes() {
        return Arrays.stream(PvpAttribute.values()).filter(a -> !a.isMandateAttribute()).map(PvpAttribute::friendlyName).toList();
    }
}
