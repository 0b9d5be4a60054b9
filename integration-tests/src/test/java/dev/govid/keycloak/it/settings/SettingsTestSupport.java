package dev.govid.keycloak.it.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;

/** Admin-API helpers for the settings ITs. */
final class SettingsTestSupport {

    private SettingsTestSupport() {}

    static void deleteClient(KeycloakServer keycloak, String realm, String clientId) {
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
    }

    static JsonNode client(KeycloakServer keycloak, String realm, String clientId) {
        return keycloak.admin()
                .getJson("/" + realm + "/clients?clientId=" + clientId)
                .get(0);
    }

    /**
     * Stores a client the way an admin could without any check: Keycloak's partial import does not run client
     * validation, so this is how a value that "slipped in" (older GovID, hand-edited database) is simulated.
     */
    static void slipIn(KeycloakServer keycloak, String realm, JsonNode client) {
        deleteClient(keycloak, realm, client.path("clientId").asText());
        ObjectNode body = Json.object();
        body.put("ifResourceExists", "OVERWRITE");
        ArrayNode clients = body.putArray("clients");
        clients.add(client);
        keycloak.admin().postJson("/" + realm + "/partialImport", body);
    }

    static String demoRealm() {
        return SharedKeycloak.DEMO_REALM;
    }

    static String keycloakLog(KeycloakServer keycloak) {
        try {
            return java.nio.file.Files.readString(keycloak.logFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
