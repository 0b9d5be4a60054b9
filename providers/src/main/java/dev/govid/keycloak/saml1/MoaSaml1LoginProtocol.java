package dev.govid.keycloak.saml1;

import java.security.SecureRandom;
import java.util.Map;

import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.metrics.GovIdMetrics;
import dev.govid.keycloak.saml.ErrorsReturnToApplication;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.Parsed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
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
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * At the end of a login for a MOA-ID application: builds and signs the assertion (or, for a login that failed,
 * notes the MOA-ID status code), keeps it under a fresh SAML 1.x artifact in Keycloak's cluster-wide single-use
 * store, and redirects the browser to {@code <OA>?Target=…&SAMLArtifact=…}, exactly as MOA-ID-Auth did; the
 * application learns the outcome from GetAuthenticationData.
 */
public class MoaSaml1LoginProtocol implements LoginProtocol, ErrorsReturnToApplication {

    static final String NOTE_OA = "govid.saml1.oa";
    /** The sector the person is identified for (public sector only). */
    static final String NOTE_TARGET = "govid.saml1.target";
    /** The {@code Target} the redirect to the application carries: the one passed in (see {@link Saml1Target}). */
    static final String NOTE_ECHOED_TARGET = "govid.saml1.echoedTarget";

    static final String NOTE_SOURCE_ID = "govid.saml1.sourceId";
    static final String NOTE_COUNTRY = "govid.saml1.ccc";
    static final String STORE_ASSERTION = "assertion";
    static final String STORE_CLIENT = "client";
    static final String STORE_MINOR_VERSION = "minorVersion";
    /** Set instead of {@link #STORE_ASSERTION} for a login that failed: the MOA-ID status code. */
    static final String STORE_ERROR = "error";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(MoaSaml1LoginProtocol.class);

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
    public Response authenticated(
            AuthenticationSessionModel authSession,
            UserSessionModel userSession,
            ClientSessionContext clientSessionCtx) {
        ClientModel client = authSession.getClient();
        Parsed<MoaSaml1ClientSettings> parsed = MoaSaml1ClientSettings.read(client);
        if (!parsed.valid()) {
            // Changed to something invalid during the login: no artifact for settings nobody can vouch for.
            return Misconfiguration.clientPage(session, authSession, client, parsed.problems());
        }
        String oa = authSession.getClientNote(NOTE_OA);
        String target = authSession.getClientNote(NOTE_TARGET);
        boolean sectorFits = EidLoginNote.forClient(session, clientSessionCtx.getClientSession())
                .map(login -> Saml1Target.fits(target, login))
                .orElse(true);
        if (!sectorFits) {
            // The eID system identified the person for another sector than the application's Target; a bPK of the
            // wrong sector is the minimum identification data missing, not something to hand over.
            LOG.warnf(
                    "SAML1 login for %s: person key is not for sector %s (MOA-ID 1008)", client.getClientId(), target);
            return redirectWithArtifact(
                    authSession, STORE_ERROR, Integer.toString(MoaStatus.MINIMUM_IDENTIFICATION_DATA_MISSING.code()));
        }
        AuthenticationData data = AuthenticationDataCollector.collect(
                session, realmOf(authSession), client, clientSessionCtx.getClientSession(), oa, target);
        MoaSaml1ClientSettings settings = parsed.value();
        String assertion = Saml1Responses.signedAssertion(
                session, realmOf(authSession), settings, data, MapperOutput.of(session, clientSessionCtx));
        return redirectWithArtifact(authSession, STORE_ASSERTION, assertion);
    }

    /** Stores the outcome under a new artifact and sends the browser back to the application with it. */
    private Response redirectWithArtifact(AuthenticationSessionModel authSession, String outcomeKey, String outcome) {
        ClientModel client = authSession.getClient();
        MoaSaml1ClientSettings settings = MoaSaml1ClientSettings.of(client);
        String oa = authSession.getClientNote(NOTE_OA);
        String sourceId = authSession.getClientNote(NOTE_SOURCE_ID);
        SamlArtifact artifact = SamlArtifact.create(sourceId != null ? sourceId : oa, RANDOM);
        session.singleUseObjects()
                .put(
                        artifact.key(),
                        settings.artifactTtlSeconds(),
                        Map.of(
                                outcomeKey,
                                outcome,
                                STORE_CLIENT,
                                client.getId(),
                                STORE_MINOR_VERSION,
                                Integer.toString(settings.flags().minorVersion())));
        GovIdMetrics.saml1Artifact(STORE_ASSERTION.equals(outcomeKey) ? "issued" : "issued_error");
        UriBuilder redirect = UriBuilder.fromUri(oa);
        String echoedTarget = authSession.getClientNote(NOTE_ECHOED_TARGET);
        if (echoedTarget != null) {
            redirect.queryParam("Target", echoedTarget);
        }
        redirect.queryParam("SAMLArtifact", artifact.encoded());
        return Response.status(Response.Status.FOUND).location(redirect.build()).build();
    }

    private RealmModel realmOf(AuthenticationSessionModel authSession) {
        return realm != null ? realm : authSession.getRealm();
    }

    /**
     * As MOA-ID: a login that ends without authentication data still sends the browser back to the application
     * with an artifact, and GetAuthenticationData answers it with the SAML1 error status and the MOA-ID code.
     */
    @Override
    public Response sendError(AuthenticationSessionModel authSession, Error error, String errorMessage) {
        return returnError(authSession, LoginErrorStatus.of(error));
    }

    @Override
    public Response returnError(AuthenticationSessionModel authSession, String messageKey) {
        return returnError(authSession, LoginErrorStatus.of(messageKey));
    }

    private Response returnError(AuthenticationSessionModel authSession, MoaStatus status) {
        if (authSession.getClientNote(NOTE_OA) == null) {
            // Not started by StartAuthentication, so there is no checked application URL to go back to.
            return ErrorPage.error(session, authSession, Response.Status.BAD_REQUEST, "govidSaml1LoginFailed");
        }
        LOG.infof(
                "SAML1 login for %s ended with MOA-ID %d",
                authSession.getClient().getClientId(), status.code());
        Response redirect = redirectWithArtifact(authSession, STORE_ERROR, Integer.toString(status.code()));
        new AuthenticationSessionManager(session).removeTabIdInAuthenticationSession(realmOf(authSession), authSession);
        return redirect;
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
    public void close() {}
}
