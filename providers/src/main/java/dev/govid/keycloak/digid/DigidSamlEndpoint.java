package dev.govid.keycloak.digid;

import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.saml.EidProfileConfig;
import dev.govid.keycloak.saml.EidSystemName;
import dev.govid.keycloak.saml.GuardedSamlEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The guarded SAML endpoint for DigiD's artifact binding: when the artifact or its resolution was refused
 * ({@link DigidArtifactRefused}), the person sees that page, in the language of the login the RelayState names,
 * instead of the generic one; the guard has already written the one log line.
 */
class DigidSamlEndpoint extends GuardedSamlEndpoint {

    DigidSamlEndpoint(
            KeycloakSession session,
            DigidIdentityProvider provider,
            EidProfileConfig config,
            AuthenticationCallback callback,
            DestinationValidator destinationValidator) {
        super(session, provider, config, callback, destinationValidator, EidSystemName.DIGID);
    }

    @Override
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postBinding(
            @FormParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
            @FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
            @FormParam(GeneralConstants.SAML_ARTIFACT_KEY) String samlArt,
            @FormParam(GeneralConstants.RELAY_STATE) String relayState) {
        return orRefusal(super.postBinding(samlRequest, samlResponse, samlArt, relayState), relayState);
    }

    @Override
    @GET
    public Response redirectBinding(
            @QueryParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
            @QueryParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
            @QueryParam(GeneralConstants.SAML_ARTIFACT_KEY) String samlArt,
            @QueryParam(GeneralConstants.RELAY_STATE) String relayState) {
        return orRefusal(super.redirectBinding(samlRequest, samlResponse, samlArt, relayState), relayState);
    }

    private Response orRefusal(Response response, String relayState) {
        DigidArtifactRefused refused =
                session.getAttribute(DigidArtifactRefused.class.getName(), DigidArtifactRefused.class);
        if (refused == null) {
            return response;
        }
        AuthenticationSessionModel authSession =
                loginOf(relayState).orElse(session.getContext().getAuthenticationSession());
        if (authSession != null) {
            session.getContext().setAuthenticationSession(authSession);
            RevisionLog.of(session)
                    .eidFailed(authSession, refused.messageKey(), "DigiD artifact refused: " + refused.getMessage());
        }
        Response.Status status = DigidMessages.BACK_CHANNEL.equals(refused.messageKey())
                ? Response.Status.BAD_GATEWAY
                : Response.Status.BAD_REQUEST;
        return ErrorPage.error(session, authSession, status, refused.messageKey());
    }
}
