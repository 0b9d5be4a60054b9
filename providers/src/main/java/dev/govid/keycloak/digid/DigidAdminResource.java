package dev.govid.keycloak.digid;

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
 * Admin REST resource at {@code /admin/realms/{realm}/govid-digid}: the onboarding values of a DigiD provider, as
 * JSON for tools and as plain text to copy into Logius' connection request.
 */
public class DigidAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public DigidAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("{alias}/onboarding-values")
    @Produces(MediaType.APPLICATION_JSON)
    public DigidOnboardingValues onboardingValues(@PathParam("alias") String alias) {
        auth.realm().requireViewIdentityProviders();
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        if (model == null || !DigidIdentityProviderFactory.PROVIDER_ID.equals(model.getProviderId())) {
            throw new NotFoundException("No DigiD identity provider with alias " + alias);
        }
        return DigidOnboardingValues.of(session, realm, session.getContext().getUri(), new DigidConfig(model));
    }

    @GET
    @Path("{alias}/onboarding-values")
    @Produces(MediaType.TEXT_PLAIN)
    public String onboardingValuesAsText(@PathParam("alias") String alias) {
        DigidOnboardingValues v = onboardingValues(alias);
        return String.join(
                "\n",
                "Omgeving / environment: " + v.environment(),
                "Koppelvlak / specification: " + v.generation(),
                "EntityID: " + v.entityId(),
                "AssertionConsumerService (HTTP-Artifact): " + v.assertionConsumerServiceUrl() + " (index "
                        + v.assertionConsumerServiceIndex() + ")",
                "ServiceUUID: " + dash(v.serviceUuid()) + " (AttributeConsumingServiceIndex "
                        + v.attributeConsumingServiceIndex() + ")",
                "DigiD Machtigen: " + (v.machtigen() ? "ja / yes" : "nee / no"),
                "SP-metadata: " + v.metadataUrl(),
                "Ondertekeningscertificaat / signing certificate (KeyName " + dash(v.signingKeyName()) + ", SHA-1 "
                        + dash(v.signingCertificateSha1()) + ", geldig tot " + dash(v.signingCertificateExpiry())
                        + "): " + dash(v.signingCertificate()),
                "Versleutelingscertificaat / encryption certificate (KeyName " + dash(v.encryptionKeyName())
                        + ", geldig tot " + dash(v.encryptionCertificateExpiry()) + "): "
                        + dash(v.encryptionCertificate()),
                "TLS-clientcertificaat / TLS client certificate: het certificaat in Keycloak's uitgaande HTTP-client-keystore "
                        + "(--spi-connections-http-client--default--client-keystore)",
                "");
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
