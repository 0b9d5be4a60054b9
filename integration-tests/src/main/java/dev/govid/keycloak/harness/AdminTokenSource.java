package dev.govid.keycloak.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Password grant on master/admin-cli. Master access tokens live 60 s while test runs take minutes,
 * so the token is cached and renewed shortly before expiry.
 */
final class AdminTokenSource {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String tokenUrl;
    private final String username;
    private final String password;
    private String token;
    private Instant renewAt = Instant.MIN;

    AdminTokenSource(String baseUrl, String username, String password) {
        this.tokenUrl = baseUrl + "/realms/master/protocol/openid-connect/token";
        this.username = username;
        this.password = password;
    }

    synchronized String token() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            JsonNode response = requestToken();
            token = response.path("access_token").asText();
            long lifetime = response.path("expires_in").asLong(60);
            renewAt = Instant.now().plusSeconds(lifetime).minus(RENEW_BEFORE_EXPIRY);
        }
        return token;
    }

    private JsonNode requestToken() {
        String form = Urls.formEncode(
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AdminApiException("POST", tokenUrl, response.statusCode(), response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("admin token request failed: " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
