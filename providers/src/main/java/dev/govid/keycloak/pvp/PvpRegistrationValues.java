package dev.govid.keycloak.pvp;

import java.util.List;

import jakarta.ws.rs.core.UriInfo;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What ID Austria's SP registration (IDA-SPR) needs from this provider: entityID, SP metadata URL, assertion consumer
 * service, the attribute-set indexes, and the SP keys with whether each meets ID Austria's minimum.
 *
 * @param keysMeetIdAustriaMinimum false when any key the SP metadata lists is below RSA 3072 / EC 256 bit
 */
public record PvpRegistrationValues(
        String entityId,
        String metadataUrl,
        String assertionConsumerServiceUrl,
        int personalAttributeSetIndex,
        int onBehalfAttributeSetIndex,
        List<SpKeyStrength.ListedKey> keys,
        boolean keysMeetIdAustriaMinimum) {

    static PvpRegistrationValues of(KeycloakSession session, RealmModel realm, UriInfo uriInfo, PvpConfig config) {
        String realmUrl = uriInfo.getBaseUriBuilder()
                .path("realms")
                .path(realm.getName())
                .build()
                .toString();
        String endpoint = uriInfo.getBaseUriBuilder()
                .path("realms")
                .path(realm.getName())
                .path("broker")
                .path(config.getAlias())
                .path("endpoint")
                .build()
                .toString();
        String entityId =
                config.getEntityId() == null || config.getEntityId().isBlank() ? realmUrl : config.getEntityId();
        List<SpKeyStrength.ListedKey> keys = SpKeyStrength.listedKeys(session, realm);
        return new PvpRegistrationValues(
                entityId,
                endpoint + "/descriptor",
                endpoint,
                AttributeConsumingServices.PERSONAL,
                AttributeConsumingServices.ON_BEHALF,
                keys,
                !keys.isEmpty() && keys.stream().allMatch(SpKeyStrength.ListedKey::meetsIdAustriaMinimum));
    }
}
