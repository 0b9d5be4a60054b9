package dev.govid.keycloak.saml1;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ClientData;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * After a successful login for a MOA-ID application: collects the authentication data, keeps it under a
 * fresh SAML 1.x artifact in Keycloak's cluster-wide single-use store, and redirects the browser to
 * {@code <OA>?Target=…&SAMLArtifact=…}, exactly as MOA-ID-Auth did.
 */
public class MoaSaml1LoginProtocol implements LoginProtocol {

    static final String NOTE_OA = "govid.saml1.oa";
    static final String NOTE_TARGET = "govid.saml1.target";
    static final String NOTE_SOURCE_ID = "govid.saml1.sourceId";
    static final String NOTE_COUNTRY = "govid.saml1.ccc";
    static final String STORE_ASSERTION = "assertion";
    static final String STORE_CLIENT = "client";
    static final String STORE_MINOR_VERSION = "minorVersion";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakSession session;
    private RealmModel realm;
    private UriInfo uriInfo;

    @Override
    public MoaSaml1LoginProtocol setSession(KeycloakSession session) {
        this.session = session;
        return this;
    }

    @Override
    public LoginProtocol setRealm(RealmModel realm) {
        this.realm = realm;
        return this;
    }

    @Override
    public LoginProtocol setUriInfo(UriInfo uriInfo) {
        this.uriInfo = uriInfo;
        return this;
    }

    @Override
    public LoginProtocol setHttpHeaders(HttpHeaders headers) {
        return this;
    }

    @Override
    public LoginProtocol setEventBuilder(EventBuilder event) {
        return this;
    }

    @Override
    public Response authenticated(AuthenticationSessionModel authSession, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        ClientModel client = authSession.getClient();
        String oa = authSession.getClientNote(NOTE_OA);
        String target = authSession.getClientNote(NOTE_TARGET);
        AuthenticationData data = AuthenticationDataCollector.collect(session, realmOf(authSession), client, userSession, oa, target);
        String sourceId = authSession.getClientNote(NOTE_SOURCE_ID);
        SamlArtifact artifact = SamlArtifact.create(sourceId != null ? sourceId : oa, RANDOM);
        MoaSaml1ClientSettings settings = MoaSaml1ClientSettings.of(client);
        String assertion = Saml1Responses.signedAssertion(session, realmOf(authSession), settings, data,
                MapperOutput.of(clientSessionCtx, userSession));
        session.singleUseObjects().put(artifact.key(), settings.artifactTtlSeconds(),
                Map.of(STORE_ASSERTION, assertion, STORE_CLIENT, client.getId(),
                        STORE_MINOR_VERSION, Integer.toString(settings.flags().minorVersion())));
        URI redirect = UriBuilder.fromUri(oa)
                .queryParam("Target", target)
                .queryParam("SAMLArtifact", artifact.encoded())
                .build();
        return Response.status(Response.Status.FOUND).location(redirect).build();
    }

    private RealmModel realmOf(AuthenticationSessionModel authSession) {
        return realm != null ? realm : authSession.getRealm();
    }

    /** Login errors stay on Keycloak's pages: MOA-ID never sent the browser back to the application with an error. */
    @Override
    public Response sendError(AuthenticationSessionModel authSession, Error error, String errorMessage) {
        return ErrorPage.error(session, authSession, Response.Status.BAD_REQUEST,
                errorMessage != null ? errorMessage : "govidSaml1LoginFailed");
    }

    @Override
    public ClientData getClientData(AuthenticationSessionModel authSession) {
        return new ClientData(authSession.getRedirectUri(), null, null, null);
    }

    @Override
    public Response sendError(ClientModel client, ClientData clientData, Error error) {
        return null;
    }

    @Override
    public Response backchannelLogout(UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        return Response.ok().build();
    }

    @Override
    public Response frontchannelLogout(UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        return null;
    }

    @Override
    public Response finishBrowserLogout(UserSessionModel userSession, AuthenticationSessionModel logoutSession) {
        return Response.ok().build();
    }

    @Override
    public boolean requireReauthentication(UserSessionModel userSession, AuthenticationSessionModel authSession) {
        return false;
    }

    @Override
    public void close() {
    }
}
