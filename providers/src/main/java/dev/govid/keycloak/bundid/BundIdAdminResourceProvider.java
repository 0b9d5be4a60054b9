package dev.govid.keycloak.bundid;

import dev.govid.keycloak.admin.AdminEndpointFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Registers {@link BundIdAdminResource} under the realm's admin API, behind Keycloak's admin permissions. */
public class BundIdAdminResourceProvider extends AdminEndpointFactory {

    public static final String ID = "govid-bundid";

    public BundIdAdminResourceProvider() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        return new BundIdAdminResource(session, realm, auth);
    }
}
