package dev.govid.keycloak.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Ports;
import dev.govid.keycloak.it.KeycloakLogWindow;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;
import dev.govid.simulator.crypto.IdpCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-test of a realm with one BundID provider and the revision log on: 503 naming the metadata check while
 * the IdP is down, 200 once it is up, 503 naming the IdP's certificate when the IdP publishes one that expires in
 * 5 days. The full report needs an admin token; the unauthenticated summary (switched on for the ITs) names
 * only the status and the failing checks.
 */
class GovIdHealthIT {

    private static final String REALM = "govid-health";
    private static final String ALIAS = "bundid-health";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private KeycloakServer keycloak;
    private int idpPort;
    private Simulator idp;

    @BeforeEach
    void createRealm() {
        keycloak = SharedKeycloak.get();
        idpPort = Ports.free();
        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,"attributes":{"govid.revisionlog.enabled":"true"}}
                """.formatted(REALM)));
        ObjectNode config = Json.object()
                .put("bundidEnvironment", "custom")
                .put("bundidMetadataUrl", "http://127.0.0.1:" + idpPort + "/idp/metadata")
                .put("bundidOnlineServiceId", "BMI-TEST-health")
                .put("bundidOrganizationDisplayName", "Testbehörde health")
                .put("entityId", keycloak.realmUrl(REALM) + "/health");
        ObjectNode provider = Json.object()
                .put("alias", ALIAS)
                .put("providerId", "govid-bundid")
                .put("enabled", true);
        provider.set("config", config);
        keycloak.admin().createIdentityProvider(REALM, provider);
    }

    @AfterEach
    void stopIdp() {
        if (idp != null) {
            idp.close();
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void deleteRealm() {
        KeycloakServer server = SharedKeycloak.get();
        if (server.admin().realmExists(REALM)) {
            server.admin().deleteRealm(REALM);
        }
    }

    @Test
    void metadataOutageTurnsItDownAndTheIdpComingUpTurnsItUp() throws Exception {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        HttpResponse<String> down = selfTest();
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonNode report = Json.parse(down.body());
        assertThat(report.path("status").asText()).isEqualTo("DOWN");
        assertThat(texts(report.path("failing"))).containsExactly("metadata:" + ALIAS);
        JsonNode metadata = check(report, "metadata:" + ALIAS);
        assertThat(metadata.path("details").path("reachable").asBoolean(true)).isFalse();
        assertThat(metadata.path("message").asText()).startsWith("metadata not readable");
        assertThat(texts(report.path("checks"), "name"))
                .contains(
                        "certificate:realm-signing",
                        "certificate:realm-encryption",
                        "revision-log:chains",
                        "revision-log:writable");
        assertThat(log.stackFrames()).isEmpty();

        idp = startIdp(IdpCredential.generateDefault());
        HttpResponse<String> up = selfTest();
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        JsonNode upReport = Json.parse(up.body());
        assertThat(upReport.path("status").asText()).isEqualTo("UP");
        assertThat(check(upReport, "metadata:" + ALIAS)
                        .path("details")
                        .path("entityId")
                        .asText())
                .isNotBlank();
        assertThat(check(upReport, "revision-log:writable").path("ok").asBoolean())
                .isTrue();
        assertThat(texts(upReport.path("checks"), "name"))
                .anyMatch(name -> name.startsWith("certificate:" + ALIAS + ":"));
    }

    @Test
    void anIdpCertificateExpiringWithin30DaysTurnsItDown() throws Exception {
        idp = startIdp(IdpCredential.generate("Expiring IdP", 2048, Duration.ofDays(5)));
        HttpResponse<String> response = selfTest();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        JsonNode report = Json.parse(response.body());
        assertThat(texts(report.path("failing")))
                .isNotEmpty()
                .allMatch(name -> name.startsWith("certificate:" + ALIAS + ":"));
        JsonNode certificate = check(report, texts(report.path("failing")).get(0));
        assertThat(certificate.path("details").path("daysToExpiry").asInt()).isBetween(3, 5);
        assertThat(certificate.path("message").asText()).contains("expires in");
    }

    @Test
    void fullReportNeedsAnAdminAndTheOptInSummaryShowsNoDetails() throws Exception {
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM + "/govid-health"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> summary = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.realmUrl(REALM) + "/govid-health"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(summary.statusCode()).isEqualTo(503);
        JsonNode body = Json.parse(summary.body());
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("status", "failing");
        assertThat(texts(body.path("failing"))).containsExactly("metadata:" + ALIAS);
        assertThat(summary.body()).doesNotContain("127.0.0.1", "url");
    }

    private Simulator startIdp(IdpCredential credential) {
        return Simulator.start(SimulatorConfig.builder()
                .host("127.0.0.1")
                .port(idpPort)
                .baseUrl("http://127.0.0.1:" + idpPort)
                .signingCredential(credential.privateKey(), credential.certificate())
                .build());
    }

    private HttpResponse<String> selfTest() throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM + "/govid-health"))
                        .header("Authorization", "Bearer " + keycloak.adminToken())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static java.util.List<String> texts(JsonNode array, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        if (field == null) {
            return values;
        }
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static java.util.List<String> fieldNames(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
