package dev.govid.keycloak.saml;

import java.util.Arrays;

import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether the application demanded a fresh authentication, so the eID system must not answer from a session of
 * its own ({@code ForceAuthn="true"}). Keycloak's SAML broker passes on {@code prompt=login} only; {@code max_age}
 * demands the same whenever Keycloak goes to the eID system at all: Keycloak then found no session of its own young
 * enough, and the eID system's session (whose age Keycloak cannot know) may be older still.
 */
public final class ReAuthentication {

    private ReAuthentication() {}

    public static boolean demanded(AuthenticationSessionModel authSession) {
        if (authSession == null) {
            return false;
        }
        String maxAge = authSession.getClientNote(OIDCLoginProtocol.MAX_AGE_PARAM);
        String prompt = authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM);
        return (maxAge != null && !maxAge.isBlank())
                || (prompt != null
                        && Arrays.asList(prompt.trim().split("\\s+")).contains(OIDCLoginProtocol.PROMPT_VALUE_LOGIN));
    }
}
