package dev.govid.keycloak.it.revisionlog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;

/** The revision log's admin endpoints as the tests read them: raw responses, so status codes and formats are checked too. */
final class RevisionLogApi {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final KeycloakServer keycloak;
    private final String realm;

    RevisionLogApi(KeycloakServer keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    String base() {
        return keycloak.baseUrl() + "/admin/realms/" + realm + "/govid-revision-log";
    }

    HttpResponse<String> get(String pathAndQuery, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, keycloak.adminToken());
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    JsonNode eventsOfClient(String clientId) {
        return json("/events?clientId=" + enc(clientId));
    }

    JsonNode eventsOfSession(String sessionId) {
        return json("/events?sessionId=" + enc(sessionId));
    }

    JsonNode statisticsOfClient(String clientId) {
        return json("/statistics?clientId=" + enc(clientId));
    }

    JsonNode verify() {
        return json("/verify");
    }

    static List<Integer> codes(JsonNode events) {
        List<Integer> codes = new ArrayList<>();
        events.forEach(e -> codes.add(e.path("code").asInt()));
        return codes;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
