package dev.govid.keycloak.pvp;

import dev.govid.keycloak.admin.AdminEndpointFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Registers {@link PvpAdminResource} under the realm's admin API, behind Keycloak's admin permissions. */
public class PvpAdminResourceProvider extends AdminEndpointFactory {

    public static final String ID = "govid-pvp";

    public PvpAdminResourceProvider() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        return new PvpAdminResource(session, realm, auth);
    }
}
