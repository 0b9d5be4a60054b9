package dev.govid.keycloak.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/govid-health}: the full self-test, for anyone who may view the realm. */
public class GovIdHealthAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final int warningDays;

    GovIdHealthAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, int warningDays) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.warningDays = warningDays;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response selfTest() {
        auth.realm().requireViewRealm();
        SelfTestReport report = SelfTest.run(session, realm, warningDays);
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(report)
                .header("Cache-Control", "no-store")
                .build();
    }
}
