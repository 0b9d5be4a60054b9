package dev.govid.keycloak.revisionlog;

import dev.govid.keycloak.admin.AdminEndpointFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link RevisionLogAdminResource} under the realm's admin API. */
public class RevisionLogAdminResourceProvider extends AdminEndpointFactory {

    public static final String ID = "govid-revision-log";

    public RevisionLogAdminResourceProvider() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        return new RevisionLogAdminResource(session, realm, auth);
    }
}
