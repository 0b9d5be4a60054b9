package dev.govid.keycloak.bundid;

import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.RuleViolation;
import dev.govid.keycloak.saml.CurrentSamlResponse;
import dev.govid.keycloak.saml.EidRefusal;
import dev.govid.keycloak.saml.EidResponseCallback;
import dev.govid.keycloak.saml.PersonKeys;
import dev.govid.keycloak.saml.ReceivedAssertion;
import dev.govid.keycloak.saml.ReceivedAssertion.ReceivedAttribute;
import jakarta.ws.rs.core.Response;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Enforces the BundID profile on a response Keycloak's SAML endpoint has already parsed, verified and
 * decrypted, by standing between that endpoint and Keycloak's broker service. This keeps Keycloak's own
 * {@code SAMLEndpoint} unchanged: it still does all the SAML validation; we add the BundID rules
 * (person key, level, methods, required attributes) and turn BundID's error statuses into clear messages.
 * What the accepted login asserted is recorded later, in {@link BundIdIdentityProvider#authenticationFinished},
 * because Keycloak wipes session notes when it runs the first-broker-login flow in between.
 */
class BundIdResponseCallback extends EidResponseCallback {

    private final BundIdIdentityProvider provider;

    BundIdResponseCallback(KeycloakSession session, BundIdIdentityProvider provider, AuthenticationCallback broker) {
        super(session, broker, "BundID", BundIdMessages.CANCELLED);
        this.provider = provider;
    }

    @Override
    public Response authenticated(BrokeredIdentityContext context) {
        BundIdConfig config = provider.bundIdConfig();
        ReceivedAssertion assertion = ReceivedAssertion.of(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();

        Optional<EidRefusal> refusal = BundIdResponseRules.check(
                assertion,
                config,
                RequiredLevel.demand(config.getMinimumLevel(), authSession),
                provider.requestedAttributes(config));
        if (refusal.isPresent()) {
            return refuse(config, refusal.get());
        }
        AssuranceLevel level = BundIdResponseRules.assertedLevel(assertion).orElseThrow();
        Optional<AuthnMethod> method = BundIdResponseRules.method(assertion);
        BundIdResponseRules.PersonKey personKey =
                BundIdResponseRules.personKey(assertion, config).orElseThrow();
        PersonKeys.useAsBrokeredUserId(context, config, personKey.value(), personKey.userIdPrefix());

        EidLogin login = BundIdLoginReader.read(config.getAlias(), assertion, level, method);
        // The client's rules, before a user or a session exists; they run again whenever a client gets a session.
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, Optional.of(login));
        if (violation.isPresent()) {
            return refuse(
                    config,
                    violation.get().messageKey(),
                    violation.get().reason(),
                    violation.get().moaStatusCode());
        }
        copyIntoProfile(context, assertion);
        recordAccepted(authSession, context, assertion, login);
        return broker.authenticated(context);
    }

    /** Keycloak hands over only the StatusMessage; the status codes and akdb details are in the response itself. */
    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        Optional<BundIdStatus> status = CurrentSamlResponse.read(session).map(BundIdStatus::of);
        return idpRefused(
                idpConfig,
                status.map(BundIdStatus::messageKey).orElse(BundIdMessages.IDP_ERROR),
                status.orElse(null),
                message);
    }

    private static void copyIntoProfile(BrokeredIdentityContext context, ReceivedAssertion assertion) {
        assertion.firstValue(BundIdAttribute.GIVEN_NAME.oid()).ifPresent(context::setFirstName);
        assertion.firstValue(BundIdAttribute.SURNAME.oid()).ifPresent(context::setLastName);
        assertion
                .attribute(BundIdAttribute.MAIL.oid())
                .flatMap(ReceivedAttribute::firstValue)
                .ifPresent(context::setEmail);
    }
}
