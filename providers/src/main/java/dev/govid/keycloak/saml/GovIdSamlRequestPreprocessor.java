package dev.govid.keycloak.saml;

import org.keycloak.Config;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.saml.preprocessor.SamlAuthenticationPreprocessor;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one global SAML preprocessor GovID registers. It changes nothing unless a GovID provider type is
 * sending the request right now (see {@link PendingAuthnRequestCustomizer}), so Keycloak's stock SAML
 * brokers are untouched.
 */
public class GovIdSamlRequestPreprocessor implements SamlAuthenticationPreprocessor {

    public static final String ID = "govid-saml-request";

    @Override
    public AuthnRequestType beforeSendingLoginRequest(
            AuthnRequestType authnRequest, AuthenticationSessionModel authSession) {
        return PendingAuthnRequestCustomizer.applyTo(authnRequest);
    }

    @Override
    public SamlAuthenticationPreprocessor create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
