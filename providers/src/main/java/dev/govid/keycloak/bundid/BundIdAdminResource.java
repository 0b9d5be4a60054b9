package dev.govid.keycloak.bundid;

import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Admin REST resource at {@code /admin/realms/{realm}/govid-bundid}: the self-service-portal values of a
 * BundID provider, as JSON for tools and as plain text to copy field by field into the portal form.
 */
public class BundIdAdminResource {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public BundIdAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("{alias}/portal-values")
    @Produces(MediaType.APPLICATION_JSON)
    public BundIdPortalValues portalValues(@PathParam("alias") String alias) {
        auth.realm().requireViewIdentityProviders();
        return BundIdPortalValues.of(session, realm, session.getContext().getUri(), bundIdConfig(alias));
    }

    @GET
    @Path("{alias}/portal-values")
    @Produces(MediaType.TEXT_PLAIN)
    public String portalValuesAsText(@PathParam("alias") String alias) {
        BundIdPortalValues values = portalValues(alias);
        StringBuilder warnings = new StringBuilder();
        for (PortalWarning warning : values.warnings()) {
            warnings.append("WARNUNG / WARNING: ").append(warning.message()).append('\n');
        }
        return warnings
                + String.join(
                        "\n",
                        "Umgebung / environment: " + values.environment(),
                        "Welches Protokoll nutzen Sie für Ihre EntityID?: " + values.entityIdProtocol(),
                        "EntityID: " + values.entityId(),
                        "Ablaufdatum / certificate expiry: " + germanDate(values.certificateExpiry()),
                        "Primäres X.509 Zertifikat (signing): " + nullToDash(values.signingCertificate()),
                        "X.509 Zertifikat (encryption): " + nullToDash(values.encryptionCertificate()),
                        "Attribute Consume Service Endpoint: " + values.assertionConsumerServiceUrl(),
                        "SP-Metadaten / SP metadata: " + values.metadataUrl(),
                        "");
    }

    private BundIdConfig bundIdConfig(String alias) {
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        if (model == null || !BundIdIdentityProviderFactory.PROVIDER_ID.equals(model.getProviderId())) {
            throw new NotFoundException("No BundID identity provider with alias " + alias);
        }
        return new BundIdConfig(model);
    }

    private static String germanDate(String isoDate) {
        return isoDate == null ? "-" : GERMAN_DATE.format(java.time.LocalDate.parse(isoDate));
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
