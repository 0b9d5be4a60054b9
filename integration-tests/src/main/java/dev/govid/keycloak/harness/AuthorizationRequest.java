package dev.govid.keycloak.harness;

/** An OIDC authorization request and the secrets the client must keep to finish it. */
public record AuthorizationRequest(String url, String state, String nonce, String codeVerifier) {}
