package dev.govid.keycloak.bundid;

import java.util.Optional;

import dev.govid.keycloak.saml.EidAttributeMapper;
import org.keycloak.models.IdentityProviderMapperModel;

/** A BundID attribute, requested and imported into the user profile. */
public class BundIdAttributeMapper extends EidAttributeMapper {

    public static final String PROVIDER_ID = "govid-bundid-attribute-mapper";
    public static final String ATTRIBUTE = "bundid.attribute";
    public static final String REQUIRED = "bundid.required";

    public BundIdAttributeMapper() {
        super(
                ATTRIBUTE,
                REQUIRED,
                "BundID",
                BundIdAttribute.friendlyNames(),
                BundIdAttribute.GIVEN_NAME.friendlyName());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {BundIdIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayType() {
        return "BundID Attribute";
    }

    @Override
    public String getHelpText() {
        return "Requests a BundID attribute and imports it into the user profile.";
    }

    @Override
    protected Optional<CatalogueEntry> lookup(String name) {
        return BundIdAttribute.lookup(name).map(a -> new CatalogueEntry(a.oid(), a.friendlyName()));
    }

    static Optional<BundIdAttribute> requestedAttribute(IdentityProviderMapperModel mapper) {
        return BundIdAttribute.lookup(mapper.getConfig().get(ATTRIBUTE));
    }

    static boolean isRequired(IdentityProviderMapperModel mapper) {
        return Boolean.parseBoolean(mapper.getConfig().get(REQUIRED));
    }
}
