package dev.govid.keycloak.selection;

import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.headers.SecurityHeadersProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Takes the place of Keycloak's security-headers provider (a positive {@link #order()} makes it the default
 * without any server option) and wraps Keycloak's own provider, looked up by its id, so the realm's
 * security-defense settings keep applying unchanged.
 */
public class ClientFramingHeadersProviderFactory implements SecurityHeadersProviderFactory {

    public static final String ID = "govid-client-framing";
    static final String KEYCLOAK_PROVIDER_ID = "default";

    private KeycloakSessionFactory sessionFactory;

    @Override
    public SecurityHeadersProvider create(KeycloakSession session) {
        SecurityHeadersProviderFactory keycloakFactory = (SecurityHeadersProviderFactory)
                sessionFactory.getProviderFactory(SecurityHeadersProvider.class, KEYCLOAK_PROVIDER_ID);
        return new ClientFramingHeadersProvider(session, keycloakFactory.create(session));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String getId() {
        return ID;
    }
}
