package dev.govid.keycloak.saml;

import java.util.Arrays;
import java.util.List;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.login.EidSystem;
import org.keycloak.Config;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.validators.DestinationValidator;

/**
 * What every eID profile's factory does the same way: the destination validator built as Keycloak's SAML
 * factory builds it, the IdP metadata cache this provider type owns, and a provider created per request from
 * its settings with the endpoints its metadata names. A profile says how to read its settings, how to build its
 * provider and what it registers as an {@link EidSystem}.
 */
public abstract class EidIdentityProviderFactory<P extends EidIdentityProvider<C>, C extends EidProfileConfig>
        extends AbstractIdentityProviderFactory<P> implements EidSystem {

    private DestinationValidator destinationValidator;
    /** This provider type's metadata cache: lives with the factory, shared by the providers created per request. */
    private final IdpMetadataResolver metadata = new IdpMetadataResolver();

    /** This provider type's metadata cache (e.g. for a health check that asks when the metadata was last read). */
    public IdpMetadataResolver metadata() {
        return metadata;
    }

    protected abstract C newConfig(IdentityProviderModel model);

    protected abstract P newProvider(KeycloakSession session, C config, DestinationValidator destinationValidator);

    /** Whether the endpoints come from the IdP's metadata URL (else from the profile's presets). */
    protected boolean readsMetadata(C config) {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
        destinationValidator = DestinationValidator.forProtocolMap(config.getArray("knownProtocols"));
    }

    @Override
    public P create(KeycloakSession session, IdentityProviderModel model) {
        C config = newConfig(model);
        if (readsMetadata(config)) {
            config.getIdpMetadataUrl()
                    .flatMap(url -> metadata.resolve(session, url))
                    .ifPresent(config::useResolvedEndpoints);
        }
        return newProvider(session, config, destinationValidator);
    }

    @Override
    public AssuranceLevel highestLevel() {
        return AssuranceLevel.HIGH;
    }

    /** The levels an admin may pick as the minimum, by their STORK names. */
    protected static List<String> levelNames() {
        return Arrays.stream(AssuranceLevel.values())
                .map(AssuranceLevel::storkName)
                .toList();
    }
}
