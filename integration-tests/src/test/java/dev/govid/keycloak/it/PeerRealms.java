package dev.govid.keycloak.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;

/**
 * The realms of a "Keycloak as the eID system's peer" test: both recreated, the consumer (GovID's side) with the
 * levels mapped to Keycloak's and one confidential OIDC client {@code app}; the peer is the test's own.
 */
public final class PeerRealms {

    /** eIDAS levels as Keycloak levels 2 to 4. */
    public static final String EIDAS_LEVELS = """
            {"http://eidas.europa.eu/LoA/low":2,"http://eidas.europa.eu/LoA/substantial":3,"http://eidas.europa.eu/LoA/high":4}""";

    private PeerRealms() {}

    /**
     * @param clientFields the client's further JSON fields, e.g. {@code "protocolMappers":[…]}
     */
    public static void recreateWithConsumer(
            KeycloakServer keycloak,
            String consumer,
            String peer,
            String acrLoaMap,
            String secret,
            String redirectUri,
            String clientFields) {
        for (String realm : new String[] {consumer, peer}) {
            if (keycloak.admin().realmExists(realm)) {
                keycloak.admin().deleteRealm(realm);
            }
        }
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"app","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s"],%s}
                """.formatted(secret, redirectUri, clientFields));
        ObjectNode realm = Json.object().put("realm", consumer).put("enabled", true);
        realm.putObject("attributes").put("acr.loa.map", acrLoaMap);
        realm.putArray("clients").add(client);
        keycloak.admin().createRealm(realm);
    }
}
