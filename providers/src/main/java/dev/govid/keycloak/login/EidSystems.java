package dev.govid.keycloak.login;

import java.util.Optional;

import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.models.KeycloakSession;

/** Finds what the eID profile behind an identity-provider type says about its system. */
public final class EidSystems {

    private EidSystems() {}

    /** The profile's description, or empty for identity-provider types that are not GovID eID profiles. */
    public static Optional<EidSystem> of(KeycloakSession session, String identityProviderType) {
        if (identityProviderType == null) {
            return Optional.empty();
        }
        Object factory =
                session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, identityProviderType);
        return factory instanceof EidSystem system ? Optional.of(system) : Optional.empty();
    }
}
