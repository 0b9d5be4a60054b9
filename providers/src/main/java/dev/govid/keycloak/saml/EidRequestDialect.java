package dev.govid.keycloak.saml;

import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.ExtensionsType;
import org.keycloak.dom.saml.v2.protocol.RequestedAuthnContextType;
import org.keycloak.saml.SamlProtocolExtensionsAwareBuilder;

/**
 * What every eID profile adds to Keycloak's AuthnRequest: its extension (next to whatever is already in
 * {@code samlp:Extensions}) and the minimum level in the IdP's vocabulary.
 */
public final class EidRequestDialect {

    private EidRequestDialect() {}

    /**
     * @param extension  null when the profile adds none
     * @param forceAuthn the application demanded a fresh authentication ({@link ReAuthentication})
     */
    public static AuthnRequestType apply(
            AuthnRequestType authnRequest,
            SamlProtocolExtensionsAwareBuilder.NodeGenerator extension,
            String minimumLevel,
            boolean forceAuthn) {
        if (forceAuthn) {
            authnRequest.setForceAuthn(Boolean.TRUE);
        }
        if (extension != null) {
            ExtensionsType extensions = authnRequest.getExtensions();
            if (extensions == null) {
                extensions = new ExtensionsType();
                authnRequest.setExtensions(extensions);
            }
            extensions.addExtension(extension);
        }
        RequestedAuthnContextType context = new RequestedAuthnContextType();
        context.setComparison(AuthnContextComparisonType.MINIMUM);
        context.addAuthnContextClassRef(minimumLevel);
        authnRequest.setRequestedAuthnContext(context);
        return authnRequest;
    }
}
