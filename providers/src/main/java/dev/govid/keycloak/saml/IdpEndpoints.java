package dev.govid.keycloak.saml;

/**
 * Where an IdP lives on the wire: its entity ID, single-sign-on URLs per binding, and its SOAP
 * ArtifactResolutionService (null unless the IdP answers by HTTP-Artifact, as DigiD does).
 */
public record IdpEndpoints(String entityId, String postSsoUrl, String redirectSsoUrl, String artifactResolutionUrl) {

    public IdpEndpoints(String entityId, String postSsoUrl, String redirectSsoUrl) {
        this(entityId, postSsoUrl, redirectSsoUrl, null);
    }
}
