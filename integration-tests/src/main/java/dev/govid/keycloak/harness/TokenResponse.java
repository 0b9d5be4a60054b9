package dev.govid.keycloak.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** A token endpoint answer with convenient access to the (unverified) claims. */
public record TokenResponse(JsonNode json) {
    public String idToken() {
        return json.path("id_token").asText(null);
    }

    public String accessToken() {
        return json.path("access_token").asText(null);
    }

    public String refreshToken() {
        return json.path("refresh_token").asText(null);
    }

    public JsonNode idTokenClaims() {
        return OidcClient.decodeJwtClaims(idToken());
    }

    public JsonNode accessTokenClaims() {
        return OidcClient.decodeJwtClaims(accessToken());
    }
}
