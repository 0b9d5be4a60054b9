package dev.govid.keycloak.saml;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;

/**
 * Hands a profile's request changes to {@link GovIdSamlRequestPreprocessor}. Keycloak calls SAML
 * preprocessors as shared singletons without a session, in the same thread and inside the provider's
 * {@code performLogin}; holding the change for exactly that call keeps it out of the replicated
 * authentication session and away from Keycloak's own SAML identity providers.
 */
public final class PendingAuthnRequestCustomizer {

    private static final ThreadLocal<UnaryOperator<AuthnRequestType>> PENDING = new ThreadLocal<>();

    private PendingAuthnRequestCustomizer() {}

    public static <T> T during(UnaryOperator<AuthnRequestType> customizer, Supplier<T> login) {
        UnaryOperator<AuthnRequestType> previous = PENDING.get();
        PENDING.set(customizer);
        try {
            return login.get();
        } finally {
            if (previous == null) {
                PENDING.remove();
            } else {
                PENDING.set(previous);
            }
        }
    }

    static AuthnRequestType applyTo(AuthnRequestType request) {
        UnaryOperator<AuthnRequestType> customizer = PENDING.get();
        return customizer == null ? request : customizer.apply(request);
    }
}
