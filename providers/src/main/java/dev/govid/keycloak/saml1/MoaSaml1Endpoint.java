package dev.govid.keycloak.saml1;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;

/** The MOA-ID SAML1 endpoints under {@code /realms/{realm}/protocol/govid-moa-saml1/}. */
public class MoaSaml1Endpoint {

    private final KeycloakSession session;
    private final EventBuilder event;

    public MoaSaml1Endpoint(KeycloakSession session, EventBuilder event) {
        this.session = session;
        this.event = event;
    }

    @GET
    @Path("StartAuthentication")
    public Response startAuthenticationGet() {
        return new StartAuthentication(session, event)
                .start(session.getContext().getUri().getQueryParameters());
    }

    @POST
    @Path("StartAuthentication")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startAuthenticationPost() {
        MultivaluedMap<String, String> form =
                session.getContext().getHttpRequest().getDecodedFormParameters();
        return new StartAuthentication(session, event).start(form);
    }

    @POST
    @Path("GetAuthenticationData")
    public Response getAuthenticationData(InputStream body) {
        return new GetAuthenticationData(session).handle(body);
    }
}
