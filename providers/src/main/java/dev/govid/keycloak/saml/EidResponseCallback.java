package dev.govid.keycloak.saml;

import java.util.Optional;

import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.revisionlog.RevisionLog;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Stands between Keycloak's unchanged SAML endpoint and its broker service: the endpoint still does all the
 * SAML validation, the profile adds its rules in {@link #authenticated} and its error mapping in
 * {@link #error}. A refusal re-renders the login page with a message key (nothing is stored), or goes back to the
 * application when its login protocol says so ({@link ErrorsReturnToApplication}).
 */
public abstract class EidResponseCallback implements AuthenticationCallback {

    private static final Logger LOG = Logger.getLogger(EidResponseCallback.class);
    private static final String ACCEPTED_LOGIN = EidResponseCallback.class.getName() + ".accepted";

    protected final KeycloakSession session;
    protected final AuthenticationCallback broker;
    private final String systemName;
    private final String cancelledMessageKey;
    private AuthenticationSessionModel authSession;

    protected EidResponseCallback(
            KeycloakSession session, AuthenticationCallback broker, String systemName, String cancelledMessageKey) {
        this.session = session;
        this.broker = broker;
        this.systemName = systemName;
        this.cancelledMessageKey = cancelledMessageKey;
    }

    @Override
    public AuthenticationSessionModel getAndVerifyAuthenticationSession(String encodedCode) {
        authSession = broker.getAndVerifyAuthenticationSession(encodedCode);
        return authSession;
    }

    @Override
    public Response cancelled(IdentityProviderModel idpConfig) {
        RevisionLog.of(session).eidFailed(currentAuthSession(), "cancelled", systemName + " login cancelled");
        return endLogin(idpConfig, cancelledMessageKey);
    }

    @Override
    public Response retryLogin(
            UserAuthenticationIdentityProvider<?> identityProvider, AuthenticationSessionModel authSession) {
        return broker.retryLogin(identityProvider, authSession);
    }

    /** The login this response belongs to: captured when Keycloak looked it up, else the request's context. */
    protected AuthenticationSessionModel currentAuthSession() {
        return authSession != null ? authSession : session.getContext().getAuthenticationSession();
    }

    /**
     * Reports the accepted login to the revision log (6302, 6304, the pseudonymised person 5002, the mandate) and
     * hands its model to {@code authenticationFinished}, which runs in this request for a returning user.
     */
    protected void recordAccepted(
            AuthenticationSessionModel loginSession,
            BrokeredIdentityContext context,
            ReceivedAssertion assertion,
            EidLogin login) {
        session.setAttribute(ACCEPTED_LOGIN, login);
        Object response = context.getContextData().get(SAMLEndpoint.SAML_LOGIN_RESPONSE);
        String responseId = response instanceof ResponseType r ? r.getID() : null;
        RevisionLog log = RevisionLog.of(session);
        log.eidResponded(
                loginSession,
                responseId,
                assertion.attributes().size(),
                login.method() != null ? login.method() : systemName);
        if (login.givenName() == null
                && login.familyName() == null
                && login.birthdate() == null
                && login.personKey() != null) {
            // A system that proves only a person key (DigiD's BSN): the pseudonym is of the key, not of three empty
            // fields.
            log.personByKey(loginSession, login.personKey().qualified());
        } else {
            log.person(loginSession, login.givenName(), login.familyName(), login.birthdate());
        }
        if (login.mandate() != null && login.personKey() != null) {
            log.mandate(loginSession, login.mandate(), login.personKey().qualified());
        }
    }

    /** The login this request's callback accepted, if it did. */
    public static Optional<EidLogin> acceptedLogin(KeycloakSession session) {
        return Optional.ofNullable(session.getAttribute(ACCEPTED_LOGIN, EidLogin.class));
    }

    /** Ends the login on the login page with the message; the reason goes to the log for operators. */
    protected Response refuse(IdentityProviderModel config, EidRefusal refusal) {
        return refuse(config, refusal.messageKey(), refusal.reason(), refusal.exceptionCode());
    }

    protected Response refuse(IdentityProviderModel config, String messageKey, String reason) {
        return refuse(config, messageKey, reason, messageKey);
    }

    /** As {@link #refuse(IdentityProviderModel, String, String)}, with the code the statistics record (e.g. a MOA-ID status). */
    protected Response refuse(IdentityProviderModel config, String messageKey, String reason, String exceptionCode) {
        LOG.infof("%s response refused by the profile of '%s': %s", systemName, config.getAlias(), reason);
        RevisionLog.of(session)
                .eidFailed(currentAuthSession(), exceptionCode, systemName + " response refused: " + reason);
        return endLogin(config, messageKey);
    }

    /** Shows the page for an error status the eID system sent. */
    protected Response idpRefused(
            IdentityProviderModel config, String messageKey, Object status, String statusMessage) {
        LOG.infof(
                "%s login refused by the IdP (%s): status %s, message %s",
                systemName, config.getAlias(), status, statusMessage);
        RevisionLog.of(session)
                .eidFailed(currentAuthSession(), messageKey, systemName + " refused the login: status " + status);
        return endLogin(config, messageKey);
    }

    /** Back to the login page, or to the application for protocols whose applications expect the error. */
    private Response endLogin(IdentityProviderModel config, String messageKey) {
        AuthenticationSessionModel loginSession = currentAuthSession();
        if (loginSession != null
                && loginSession.getProtocol() != null
                && session.getProvider(LoginProtocol.class, loginSession.getProtocol())
                        instanceof ErrorsReturnToApplication protocol) {
            return protocol.returnError(loginSession, messageKey);
        }
        PageMessage.error(loginSession, messageKey);
        return broker.error(config, messageKey);
    }
}
