package dev.govid.keycloak.saml;

/** Where an IdP lives on the wire: its entity ID and single-sign-on URLs per binding. */
public record IdpEndpoints(String entityId, String postSsoUrl, String redirectSsoUrl) {
}
