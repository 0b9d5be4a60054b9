package dev.govid.keycloak.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The slice of Keycloak's admin REST API our tests need, on plain java.net.http and JsonNode. Deliberately
 * not the Keycloak admin-client jar: it drags RESTEasy onto the test classpath and pins a Keycloak version.
 * Generic paths are relative to {@code /admin/realms}, e.g. {@code "/govid-demo/users?username=x"}.
 */
public final class AdminClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String adminRealmsUrl;
    private final String adminRootUrl;
    private final Supplier<String> accessToken;

    public AdminClient(String keycloakBaseUrl, Supplier<String> accessToken) {
        this.adminRootUrl = keycloakBaseUrl + "/admin";
        this.adminRealmsUrl = adminRootUrl + "/realms";
        this.accessToken = accessToken;
    }

    // --- realms ---------------------------------------------------------------------------------------

    public void createRealm(JsonNode realm) {
        postJson("", realm);
    }

    public void importRealm(String realmJson) {
        createRealm(Json.parse(realmJson));
    }

    public JsonNode getRealm(String realm) {
        return getJson("/" + realm);
    }

    public boolean realmExists(String realm) {
        try {
            getRealm(realm);
            return true;
        } catch (AdminApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Keycloak ignores absent fields on realm update, so a partial representation changes just those. */
    public void updateRealm(String realm, JsonNode partial) {
        putJson("/" + realm, partial);
    }

    public void deleteRealm(String realm) {
        delete("/" + realm);
    }

    /** Deletes the realm of the same name if present, then creates it: a clean slate for a test run. */
    public void replaceRealm(JsonNode realm) {
        String name = realm.path("realm").asText();
        if (realmExists(name)) {
            deleteRealm(name);
        }
        createRealm(realm);
    }

    public List<String> realmNames() {
        List<String> names = new ArrayList<>();
        getJson("?briefRepresentation=true")
                .forEach(realm -> names.add(realm.path("realm").asText()));
        return names;
    }

    // --- identity providers ---------------------------------------------------------------------------

    public void createIdentityProvider(String realm, JsonNode identityProvider) {
        postJson("/" + realm + "/identity-provider/instances", identityProvider);
    }

    public JsonNode getIdentityProvider(String realm, String alias) {
        return getJson(identityProviderPath(realm, alias));
    }

    public void updateIdentityProvider(String realm, String alias, JsonNode identityProvider) {
        putJson(identityProviderPath(realm, alias), identityProvider);
    }

    public void deleteIdentityProvider(String realm, String alias) {
        delete(identityProviderPath(realm, alias));
    }

    public void addIdentityProviderMapper(String realm, String alias, JsonNode mapper) {
        postJson(identityProviderPath(realm, alias) + "/mappers", mapper);
    }

    // --- clients --------------------------------------------------------------------------------------

    /** @return the new client's internal id (from the Location header) */
    public String createClient(String realm, JsonNode client) {
        return postJson("/" + realm + "/clients", client)
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .orElse(null);
    }

    // --- server ---------------------------------------------------------------------------------------

    /** {@code /admin/serverinfo}: provider types, themes, features of the running server. */
    public JsonNode serverInfo() {
        return parse(send("GET", adminRootUrl + "/serverinfo", null));
    }

    // --- generic --------------------------------------------------------------------------------------

    public JsonNode getJson(String path) {
        return parse(send("GET", adminRealmsUrl + path, null));
    }

    /** @return the Location header, if Keycloak sent one (it does for created resources) */
    public Optional<String> postJson(String path, JsonNode body) {
        return send("POST", adminRealmsUrl + path, body).headers().firstValue("Location");
    }

    public void putJson(String path, JsonNode body) {
        send("PUT", adminRealmsUrl + path, body);
    }

    public void delete(String path) {
        send("DELETE", adminRealmsUrl + path, null);
    }

    private static String identityProviderPath(String realm, String alias) {
        return "/" + realm + "/identity-provider/instances/" + alias;
    }

    private static JsonNode parse(HttpResponse<String> response) {
        return Json.parse(response.body());
    }

    private HttpResponse<String> send(String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + accessToken.get())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AdminApiException(method, url, response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
