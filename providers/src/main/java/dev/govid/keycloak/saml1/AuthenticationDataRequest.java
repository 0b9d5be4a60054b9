package dev.govid.keycloak.saml1;

import java.util.Objects;
import java.util.Optional;

/**
 * What an online application asked for in GetAuthenticationData: one artifact, plus the request's id and
 * version, which the response must echo ({@code InResponseTo}) and follow ({@code MinorVersion}).
 *
 * @param requestId    {@code samlp:Request/@RequestID}
 * @param issueInstant {@code @IssueInstant} as sent, or null; not interpreted (legacy clients vary in format)
 * @param minorVersion 0 (SAML 1.0) or 1 (SAML 1.1)
 * @param artifact     the {@code samlp:AssertionArtifact} text, trimmed, not yet validated
 */
public record AuthenticationDataRequest(String requestId, String issueInstant, int minorVersion, String artifact) {

    public AuthenticationDataRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(artifact, "artifact");
    }

    /** The artifact if it has the type 0x0001 format; empty means MOA-ID status 6300. */
    public Optional<SamlArtifact> parsedArtifact() {
        return SamlArtifact.parse(artifact);
    }
}
