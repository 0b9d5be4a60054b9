package dev.govid.keycloak.saml;

import java.util.Optional;
import java.util.function.Supplier;

import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.saml.InboundResponseInspector.Finding;
import dev.govid.keycloak.saml.InboundResponseInspector.Verdict;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.broker.provider.util.IdentityBrokerState;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.broker.saml.SAMLIdentityProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker endpoint with a guard in front of its two bindings. What a browser or an IdP sends is
 * inspected ({@link InboundResponseInspector}) before Keycloak parses, decrypts or verifies it; the login it
 * belongs to is looked up first, so every page (ours and Keycloak's) speaks the person's language; and
 * whatever Keycloak's processing still throws ends on a 400 page with one log line instead of a 500 with a
 * stack trace. IdP-initiated (unsolicited) messages are refused. Everything else is Keycloak's unchanged
 * {@code SAMLEndpoint}: only its resource methods are overridden, with Keycloak's own JAX-RS annotations
 * repeated (annotations are not inherited by overriding methods); the SP descriptor stays inherited.
 */
public class GuardedSamlEndpoint extends SAMLEndpoint {

    private static final Logger LOG = Logger.getLogger(GuardedSamlEndpoint.class);

    private final EidSystemName eidSystem;
    private final InboundResponseInspector inspector;

    public GuardedSamlEndpoint(
            KeycloakSession session,
            SAMLIdentityProvider provider,
            EidProfileConfig config,
            AuthenticationCallback callback,
            DestinationValidator destinationValidator,
            EidSystemName eidSystem) {
        super(
                session,
                provider,
                config,
                new DecryptedAssertionAlgorithmCheck(session, callback, config.getAlgorithmPolicy(), eidSystem),
                destinationValidator);
        this.eidSystem = eidSystem;
        this.inspector = new InboundResponseInspector(config.getAlgorithmPolicy());
    }

    @Override
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postBinding(
            @FormParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
            @FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
            @FormParam(GeneralConstants.SAML_ARTIFACT_KEY) String samlArt,
            @FormParam(GeneralConstants.RELAY_STATE) String relayState) {
        if (samlResponse == null) {
            return guarded(() -> super.postBinding(samlRequest, null, samlArt, relayState));
        }
        Optional<AuthenticationSessionModel> login = loginOf(relayState);
        Verdict verdict = inspector.inspect(samlResponse);
        if (!verdict.acceptable()) {
            return refuse(verdict.finding(), verdict.reason(), login);
        }
        if (login.isEmpty()) {
            return refuse(null, "no login in progress for RelayState " + shorten(relayState), login);
        }
        // Keycloak's own error pages (signature, destination, …) then follow the login's ui_locales too.
        session.getContext().setAuthenticationSession(login.get());
        return guarded(() -> super.postBinding(null, samlResponse, samlArt, relayState));
    }

    @Override
    @GET
    public Response redirectBinding(
            @QueryParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
            @QueryParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
            @QueryParam(GeneralConstants.SAML_ARTIFACT_KEY) String samlArt,
            @QueryParam(GeneralConstants.RELAY_STATE) String relayState) {
        if (samlResponse != null) {
            // The eID profiles answer over HTTP-POST only (a signed response does not fit into a URL).
            return refuse(Finding.UNREADABLE, "SAMLResponse sent with the Redirect binding", loginOf(relayState));
        }
        return guarded(() -> super.redirectBinding(samlRequest, null, samlArt, relayState));
    }

    /**
     * IdP-initiated (unsolicited) responses: the eID profiles only take answers to their own AuthnRequests
     * (PVP2-S and BundID both require InResponseTo), so these are refused before Keycloak parses anything.
     */
    @Override
    @POST
    @Path("clients/{client_id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postBindingIdpInitiated(
            @FormParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
            @FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
            @FormParam(GeneralConstants.RELAY_STATE) String relayState,
            @PathParam("client_id") String clientUrlName) {
        return refuse(null, "unsolicited message on the IdP-initiated endpoint", Optional.empty());
    }

    @Override
    @GET
    @Path("clients/{client_id}")
    public Response redirectBindingIdpInitiated(
            @QueryParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
            @QueryParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
            @QueryParam(GeneralConstants.RELAY_STATE) String relayState,
            @PathParam("client_id") String clientUrlName) {
        return refuse(null, "unsolicited message on the IdP-initiated endpoint", Optional.empty());
    }

    /**
     * The authentication session the RelayState names, looked up the way Keycloak's broker does (client and
     * tab from {@link IdentityBrokerState}, the session from the browser's cookie) but without consuming the
     * session code, which Keycloak verifies later. Empty for a forged, unknown or expired RelayState.
     */
    protected Optional<AuthenticationSessionModel> loginOf(String relayState) {
        if (relayState == null || relayState.isBlank() || relayState.length() > 1024) {
            return Optional.empty();
        }
        try {
            IdentityBrokerState state = IdentityBrokerState.encoded(relayState, realm);
            ClientModel client = state.getClientId() == null ? null : realm.getClientByClientId(state.getClientId());
            if (client == null || state.getTabId() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(new AuthenticationSessionManager(session)
                    .getCurrentAuthenticationSession(realm, client, state.getTabId()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Response refuse(Finding finding, String reason, Optional<AuthenticationSessionModel> login) {
        String messageKey;
        Response.Status status = Response.Status.BAD_REQUEST;
        if (finding == Finding.WEAK_ALGORITHM) {
            messageKey = "govidEidWeakCrypto";
            LOG.warnf("%s response for '%s' refused: %s", eidSystem.displayName(), config.getAlias(), shorten(reason));
        } else {
            messageKey = finding == null
                    ? "govidEidLoginNotFound"
                    : finding == Finding.NOT_ENCRYPTED
                            ? "govidEidNotEncrypted"
                            : finding == Finding.TOO_COMPLEX
                                    ? "govidEidResponseTooComplex"
                                    : "govidEidResponseUnreadable";
            if (finding == Finding.TOO_COMPLEX) {
                status = Response.Status.REQUEST_ENTITY_TOO_LARGE;
            }
            LOG.infof("%s response for '%s' refused: %s", eidSystem.displayName(), config.getAlias(), shorten(reason));
        }
        AuthenticationSessionModel authSession = login.orElse(null);
        if (authSession != null) {
            session.getContext().setAuthenticationSession(authSession);
            RevisionLog.of(session)
                    .eidFailed(authSession, messageKey, eidSystem.displayName() + " response refused: " + reason);
        }
        return ErrorPage.error(session, authSession, status, messageKey, eidSystem.displayName());
    }

    /**
     * Runs Keycloak's processing; what it throws for input it did not expect (a forged RelayState, a key it
     * cannot find, a parser limit) becomes a 400 page and one log line. Keycloak's own error responses
     * ({@link WebApplicationException}) pass through unchanged.
     */
    private Response guarded(Supplier<Response> keycloak) {
        try {
            return keycloak.get();
        } catch (WebApplicationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warnf(
                    "%s message for '%s' could not be processed: %s: %s",
                    eidSystem.displayName(),
                    config.getAlias(),
                    e.getClass().getSimpleName(),
                    firstLine(rootMessage(e)));
            AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
            return ErrorPage.error(
                    session,
                    authSession,
                    Response.Status.BAD_REQUEST,
                    "govidEidResponseUnreadable",
                    eidSystem.displayName());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return shorten(newline < 0 ? text : text.substring(0, newline));
    }

    /** Log lines quote attacker-controlled text: cut short and without line breaks or control characters. */
    private static String shorten(String text) {
        if (text == null) {
            return "(none)";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
