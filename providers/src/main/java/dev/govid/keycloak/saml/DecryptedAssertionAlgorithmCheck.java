package dev.govid.keycloak.saml;

import java.util.Optional;

import dev.govid.keycloak.saml.AlgorithmPolicy.AlgorithmUse;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The allow-list for the one signature {@link InboundResponseInspector} cannot see: a signature inside the
 * encrypted assertion, which Keycloak verifies after decryption. Sits between Keycloak's {@code SAMLEndpoint}
 * and the profile's callback; a weak algorithm there ends like one on the response (400 page, one WARN line)
 * before the profile or the broker sees the login.
 */
final class DecryptedAssertionAlgorithmCheck implements AuthenticationCallback {

    private static final Logger LOG = Logger.getLogger(DecryptedAssertionAlgorithmCheck.class);
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private final KeycloakSession session;
    private final AuthenticationCallback next;
    private final AlgorithmPolicy policy;
    private final EidSystemName eidSystem;

    DecryptedAssertionAlgorithmCheck(
            KeycloakSession session, AuthenticationCallback next, AlgorithmPolicy policy, EidSystemName eidSystem) {
        this.session = session;
        this.next = next;
        this.policy = policy;
        this.eidSystem = eidSystem;
    }

    @Override
    public Response authenticated(BrokeredIdentityContext context) {
        Object assertion = context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        if (assertion instanceof AssertionType parsed && parsed.getSignature() != null) {
            Optional<String> refusal = refusal(parsed.getSignature());
            if (refusal.isPresent()) {
                LOG.warnf(
                        "%s assertion for '%s' refused: %s",
                        eidSystem.displayName(), context.getIdpConfig().getAlias(), refusal.get());
                AuthenticationSessionModel authSession = context.getAuthenticationSession() != null
                        ? context.getAuthenticationSession()
                        : session.getContext().getAuthenticationSession();
                return ErrorPage.error(
                        session,
                        authSession,
                        Response.Status.BAD_REQUEST,
                        "govidEidWeakCrypto",
                        eidSystem.displayName());
            }
        }
        return next.authenticated(context);
    }

    private Optional<String> refusal(Element signature) {
        Optional<String> method =
                first(signature, "SignatureMethod").flatMap(a -> policy.refusal(AlgorithmUse.SIGNATURE, a));
        if (method.isPresent()) {
            return method;
        }
        NodeList digests = signature.getElementsByTagNameNS(DS, "DigestMethod");
        for (int i = 0; i < digests.getLength(); i++) {
            Optional<String> digest = policy.refusal(
                    AlgorithmUse.REFERENCE_DIGEST, ((Element) digests.item(i)).getAttribute("Algorithm"));
            if (digest.isPresent()) {
                return digest;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Element signature, String localName) {
        NodeList found = signature.getElementsByTagNameNS(DS, localName);
        return found.getLength() == 0
                ? Optional.of("")
                : Optional.of(((Element) found.item(0)).getAttribute("Algorithm"));
    }

    @Override
    public AuthenticationSessionModel getAndVerifyAuthenticationSession(String encodedCode) {
        return next.getAndVerifyAuthenticationSession(encodedCode);
    }

    @Override
    public Response cancelled(IdentityProviderModel idpConfig) {
        return next.cancelled(idpConfig);
    }

    @Override
    public Response retryLogin(
            UserAuthenticationIdentityProvider<?> identityProvider, AuthenticationSessionModel authSession) {
        return next.retryLogin(identityProvider, authSession);
    }

    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        return next.error(idpConfig, message);
    }
}
