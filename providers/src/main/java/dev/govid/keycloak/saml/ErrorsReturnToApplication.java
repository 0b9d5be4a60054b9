package dev.govid.keycloak.saml;

import jakarta.ws.rs.core.Response;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A login protocol whose applications expect a refused eID login back in the protocol's own error format
 * (MOA-ID's SAML1 interface), instead of Keycloak's login page offering another try.
 */
public interface ErrorsReturnToApplication {

    /** @param messageKey the refusal's message key, as the login page would have shown it */
    Response returnError(AuthenticationSessionModel authSession, String messageKey);
}
