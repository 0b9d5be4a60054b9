package dev.govid.keycloak.saml;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
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

    protected final KeycloakSession session;
    protected final AuthenticationCallback broker;
    private final String systemName;
    private final String cancelledMessageKey;

    protected EidResponseCallback(KeycloakSession session, AuthenticationCallback broker, String systemName, String cancelledMessageKey) {
        this.session = session;
        this.broker = broker;
        this.systemName = systemName;
        this.cancelledMessageKey = cancelledMessageKey;
    }

    @Override
    public AuthenticationSessionModel getAndVerifyAuthenticationSession(String encodedCode) {
        return broker.getAndVerifyAuthenticationSession(encodedCode);
    }

    @Override
    public Response cancelled(IdentityProviderModel idpConfig) {
        return endLogin(idpConfig, cancelledMessageKey);
    }

    @Override
    public Response retryLogin(UserAuthenticationIdentityProvider<?> identityProvider, AuthenticationSessionModel authSession) {
        return broker.retryLogin(identityProvider, authSession);
    }

    /** Ends the login on the login page with the message; the reason goes to the log for operators. */
    protected Response refuse(IdentityProviderModel config, String messageKey, String reason) {
        LOG.infof("%s response refused by the profile of '%s': %s", systemName, config.getAlias(), reason);
        return endLogin(config, messageKey);
    }

    /** Shows the page for an error status the eID system sent. */
    protected Response idpRefused(IdentityProviderModel config, String messageKey, Object status, String statusMessage) {
        LOG.infof("%s login refused by the IdP (%s): status %s, message %s", systemName, config.getAlias(), status, statusMessage);
        return endLogin(config, messageKey);
    }

    /** Back to the login page, or to the application for protocols whose applications expect the error. */
    private Response endLogin(IdentityProviderModel config, String messageKey) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession != null && authSession.getProtocol() != null
                && session.getProvider(LoginProtocol.class, authSession.getProtocol()) instanceof ErrorsReturnToApplication protocol) {
            return protocol.returnError(authSession, messageKey);
        }
        return broker.error(config, messageKey);
    }
}
