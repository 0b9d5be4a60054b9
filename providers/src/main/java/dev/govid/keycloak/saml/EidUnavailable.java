package dev.govid.keycloak.saml;

import dev.govid.keycloak.revisionlog.RevisionLog;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The answer when a provider has never been able to read its IdP's metadata, so the login endpoint is
 * unknown: a 503 page naming the eID system (the person can try again shortly or pick another eID). The admin's
 * log line comes from {@link IdpMetadataResolver}, once per failed download, not from every login.
 */
public final class EidUnavailable {

    public static final String MESSAGE_KEY = "govidEidUnavailable";

    private EidUnavailable() {}

    public static Response page(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            EidProfileConfig config,
            EidSystemName system) {
        RevisionLog.of(session)
                .eidFailed(
                        authSession,
                        MESSAGE_KEY,
                        system.displayName() + " metadata not available from "
                                + config.getIdpMetadataUrl().orElse("(not configured)"));
        return ErrorPage.error(
                session, authSession, Response.Status.SERVICE_UNAVAILABLE, MESSAGE_KEY, system.displayName());
    }
}
