package dev.govid.keycloak.it.digid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.digid.DigidIdp;

/**
 * DigiD providers of both generations on the demo realm, against the in-process simulator's DigiD mode, and clients
 * with representation rules for DigiD Machtigen. Created once per test JVM.
 */
public final class DigidSetup {

    /** A copy of the demo realm whose user profile does not require names or e-mail: DigiD proves only the BSN. */
    public static final String REALM = "govid-digid-it";

    public static final String V4 = "digid4";
    static final String V3 = "digid3";
    static final String V3_REDIRECT = "digid3r";
    static final String SECRET = "digid-rules-secret";
    public static final String SERVICE_UUID = DigidIdp.DEFAULT_SERVICE_UUID;
    static final String JAN = "999990007";
    static final String EVA = "999990019";
    static final String KEES = "999990020";

    private static boolean done;

    private DigidSetup() {}

    public static synchronized Simulator ready() {
        KeycloakServer keycloak = SharedKeycloak.get();
        Simulator simulator = SharedSimulator.get();
        if (!done) {
            copyDemoRealm(keycloak);
            provider(keycloak, simulator, V4, "4", "POST", "urn:nl-eid-gdi:1.0:DV:00000009999999999001:entities:9001");
            provider(keycloak, simulator, V3, "3", "POST", "urn:nl-eid-gdi:1.0:DV:00000009999999999001:entities:9003");
            provider(
                    keycloak,
                    simulator,
                    V3_REDIRECT,
                    "3",
                    "REDIRECT",
                    "urn:nl-eid-gdi:1.0:DV:00000009999999999001:entities:9004");
            client("digid-app", "off", "*", null);
            client("digid-machtigen-required", "required", "*", null);
            client("digid-machtigen-optional", "optional", SERVICE_UUID, null);
            client("digid-machtigen-other-service", "optional", "00000000-0000-4000-8000-000000000000", null);
            client("digid-machtigen-off", "off", "*", null);
            client("digid-machtigen-max-validity", "optional", "*", "365");
            client("digid-second-client", "optional", "*", null);
            done = true;
        }
        return simulator;
    }

    private static void copyDemoRealm(KeycloakServer keycloak) {
        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        String json;
        try {
            json = java.nio.file.Files.readString(
                    dev.govid.keycloak.harness.HarnessPaths.realmExportsDir().resolve("govid-demo-realm.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (java.util.Map.Entry<String, String> placeholder :
                SharedKeycloak.placeholders().entrySet()) {
            json = json.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        ObjectNode realm = (ObjectNode) Json.parse(json);
        realm.put("realm", REALM);
        realm.remove("id");
        keycloak.admin().createRealm(realm);
        namesAndEmailOptional(keycloak, REALM);
    }

    /** DigiD proves a BSN and nothing else; a realm for DigiD users must not require names or e-mail. */
    static void namesAndEmailOptional(KeycloakServer keycloak, String realmName) {
        ObjectNode profile = (ObjectNode) keycloak.admin().getJson("/" + realmName + "/users/profile");
        for (com.fasterxml.jackson.databind.JsonNode attribute : profile.path("attributes")) {
            if (java.util.Set.of("email", "firstName", "lastName")
                    .contains(attribute.path("name").asText())) {
                ((ObjectNode) attribute).remove("required");
            }
        }
        keycloak.admin().putJson("/" + realmName + "/users/profile", profile);
    }

    private static void provider(
            KeycloakServer keycloak,
            Simulator simulator,
            String alias,
            String generation,
            String binding,
            String entityId) {
        String realm = REALM;
        if (keycloak.admin().getJson("/" + realm + "/identity-provider/instances").findValues("alias").stream()
                .noneMatch(a -> a.asText().equals(alias))) {
            keycloak.admin().createIdentityProvider(realm, Json.parse("""
                    {"alias":"%s","displayName":"DigiD","providerId":"govid-digid","enabled":true,"config":{
                      "digidEnvironment":"custom","digidMetadataUrl":"%s","digidGeneration":"%s","entityId":"%s",
                      "digidServiceUuid":"%s","digidMinimumLevel":"midden","digidMachtigen":"true","digidRequestBinding":"%s"}}
                    """.formatted(
                            alias, simulator.digid().metadataUrl(), generation, entityId, SERVICE_UUID, binding)));
        }
        simulator.trustSpMetadata(keycloak.realmUrl(realm) + "/broker/" + alias + "/endpoint/descriptor");
    }

    static void client(String clientId, String mode, String profiles, String maxDays) {
        KeycloakServer keycloak = SharedKeycloak.get();
        String realm = REALM;
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        ObjectNode attributes = Json.object()
                .put("govid.representation", mode)
                .put("govid.mandate.profiles", profiles)
                .put("govid.mandate.mandators", "natural")
                .put("govid.sso.confirmation", "false");
        if (maxDays != null) {
            attributes.put("govid.mandate.maxValidityDays", maxDays);
        }
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "protocolMappers":[
                   {"name":"govid","protocol":"openid-connect","protocolMapper":"govid-digid-claims","config":{"id.token.claim":"true"}},
                   {"name":"represents","protocol":"openid-connect","protocolMapper":"govid-represents","config":{"id.token.claim":"true"}}]}
                """.formatted(clientId, SECRET, SharedKeycloak.appUrl()));
        client.set("attributes", attributes);
        keycloak.admin().createClient(realm, client);
    }
}
