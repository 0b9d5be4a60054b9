package dev.govid.keycloak.digid;

import dev.govid.keycloak.admin.AdminEndpointFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Registers {@link DigidAdminResource} under the realm's admin API, behind Keycloak's admin permissions. */
public class DigidAdminResourceProvider extends AdminEndpointFactory {

    public static final String ID = "govid-digid";

    public DigidAdminResourceProvider() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        return new DigidAdminResource(session, realm, auth);
    }
}
