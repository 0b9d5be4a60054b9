package dev.govid.keycloak.pvp;

import java.util.ArrayList;
import java.util.List;

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
 * Admin REST resource at {@code /admin/realms/{realm}/govid-pvp}: the registration values of an ID Austria provider,
 * as JSON for tools and as plain text, with every SP key below ID Austria's minimum flagged.
 */
public class PvpAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public PvpAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("{alias}/registration-values")
    @Produces(MediaType.APPLICATION_JSON)
    public PvpRegistrationValues registrationValues(@PathParam("alias") String alias) {
        auth.realm().requireViewIdentityProviders();
        return PvpRegistrationValues.of(session, realm, session.getContext().getUri(), pvpConfig(alias));
    }

    @GET
    @Path("{alias}/registration-values")
    @Produces(MediaType.TEXT_PLAIN)
    public String registrationValuesAsText(@PathParam("alias") String alias) {
        PvpRegistrationValues values = registrationValues(alias);
        List<String> lines = new ArrayList<>(List.of(
                "EntityID: " + values.entityId(),
                "SP metadata: " + values.metadataUrl(),
                "Assertion consumer service (HTTP-POST): " + values.assertionConsumerServiceUrl(),
                "AttributeConsumingServiceIndex personal / on behalf: " + values.personalAttributeSetIndex() + " / "
                        + values.onBehalfAttributeSetIndex()));
        for (SpKeyStrength.ListedKey key : values.keys()) {
            lines.add("Key (" + key.use() + "): " + key.type() + " " + key.bits() + " bit, kid " + key.kid()
                    + (key.meetsIdAustriaMinimum()
                            ? ""
                            : "  WARNING: below ID Austria's minimum (RSA 3072 / EC 256 bit)"));
        }
        lines.add(
                values.keysMeetIdAustriaMinimum()
                        ? "Keys: meet ID Austria's minimum"
                        : "Keys: NOT accepted by ID Austria; add RSA 3072/4096 realm keys and disable the weak ones (docs/idaustria.md)");
        lines.add("");
        return String.join("\n", lines);
    }

    private PvpConfig pvpConfig(String alias) {
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        if (model == null || !PvpIdentityProviderFactory.PROVIDER_ID.equals(model.getProviderId())) {
            throw new NotFoundException("No ID Austria / PVP identity provider with alias " + alias);
        }
        return new PvpConfig(model);
    }
}
