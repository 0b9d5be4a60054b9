package dev.govid.keycloak.saml1;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * Optional authentication of the application calling GetAuthenticationData — stronger than MOA-ID, which
 * had none, so it is off by default for compatibility. With {@code moa.backChannelAuth=client-secret} the
 * caller must send HTTP Basic with the client id and secret of the application the artifact was issued for;
 * an artifact of another application is then refused.
 */
final class BackChannelAuthentication {

    private BackChannelAuthentication() {
    }

    static boolean accepts(KeycloakSession session, ClientModel owner, MoaSaml1ClientSettings settings) {
        if (!settings.backChannelSecretRequired()) {
            return true;
        }
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || owner.getSecret() == null) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean idMatches = owner.getClientId().equals(decoded.substring(0, colon));
        boolean secretMatches = MessageDigest.isEqual(owner.getSecret().getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return idMatches && secretMatches;
    }
}
