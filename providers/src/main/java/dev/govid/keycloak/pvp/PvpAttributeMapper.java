package dev.govid.keycloak.pvp;

import java.util.Optional;

import dev.govid.keycloak.saml.EidAttributeMapper;
import org.keycloak.models.IdentityProviderMapperModel;

/** A PVP attribute (offered by friendly name from the catalogue), requested and imported into the user profile. */
public class PvpAttributeMapper extends EidAttributeMapper {

    public static final String PROVIDER_ID = "govid-pvp-attribute-mapper";
    public static final String ATTRIBUTE = "pvp.attribute";
    public static final String REQUIRED = "pvp.required";

    public PvpAttributeMapper() {
        super(ATTRIBUTE, REQUIRED, "PVP", PvpAttribute.friendlyNames(), PvpAttribute.GIVEN_NAME.friendlyName());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {PvpIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayType() {
        return "PVP Attribute";
    }

    @Override
    public String getHelpText() {
        return "Requests a PVP / ID Austria attribute and imports it into the user profile.";
    }

    @Override
    protected Optional<CatalogueEntry> lookup(String name) {
        return PvpAttribute.lookup(name).map(a -> new CatalogueEntry(a.uri(), a.friendlyName()));
    }

    static Optional<PvpAttribute> requestedAttribute(IdentityProviderMapperModel mapper) {
        return PvpAttribute.lookup(mapper.getConfig().get(ATTRIBUTE));
    }

    static boolean isRequired(IdentityProviderMapperModel mapper) {
        return Boolean.parseBoolean(mapper.getConfig().get(REQUIRED));
    }
}
