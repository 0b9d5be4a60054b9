package dev.govid.keycloak.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts one GovID endpoint under {@code /admin/realms/{realm}/{id}}, behind Keycloak's admin permissions. Stateless,
 * so the factory is its own provider; a subclass says only its id and how to build the resource.
 */
public abstract class AdminEndpointFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    private final String id;

    protected AdminEndpointFactory(String id) {
        this.id = id;
    }

    /** The JAX-RS resource for one request. */
    protected abstract Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth);

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return resource(session, realm, auth);
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return id;
    }
}
