package dev.govid.keycloak.bundid;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.RuleViolation;
import dev.govid.keycloak.saml.CurrentSamlResponse;
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

        if (!assertion.isResponseSigned()) {
            return refuse(config, BundIdMessages.RESPONSE_NOT_SIGNED, "the Response element is not signed");
        }
        Optional<AssuranceLevel> level = assertedLevel(assertion);
        if (level.isEmpty()) {
            return refuse(config, BundIdMessages.LEVEL_MISSING, "no STORK level in AuthnContextClassRef or EID-CITIZEN-QAA-LEVEL");
        }
        if (!RequiredLevel.isMetBy(level.get(), config.getMinimumLevel(), authSession)) {
            return refuse(config, BundIdMessages.LEVEL_TOO_LOW, "asserted " + level.get().storkName() + ", required "
                    + RequiredLevel.toRequest(config.getMinimumLevel(), authSession).storkName());
        }
        Optional<AuthnMethod> method = assertion.firstValue(BundIdAttribute.ASSERTION_PROVED_BY.oid()).flatMap(AuthnMethod::lookup);
        List<AuthnMethod> allowed = config.getAllowedMethods();
        if (method.isPresent() && !allowed.isEmpty() && !allowed.contains(method.get())) {
            return refuse(config, BundIdMessages.METHOD_NOT_ALLOWED, "method " + method.get().elementName() + " is not allowed");
        }
        for (Map.Entry<BundIdAttribute, Boolean> requested : provider.requestedAttributes(config).entrySet()) {
            if (requested.getValue() && assertion.firstValue(requested.getKey().oid()).isEmpty()) {
                return refuse(config, BundIdMessages.REQUIRED_ATTRIBUTES_MISSING, "required attribute " + requested.getKey().friendlyName() + " missing");
            }
        }

        Optional<String> bpk2 = assertion.firstValue(BundIdAttribute.BPK2.oid());
        if (bpk2.isPresent()) {
            PersonKeys.useAsBrokeredUserId(context, config, bpk2.get(), "bundid-");
        } else if (config.getTemporaryLoginPolicy() == TemporaryLoginPolicy.ACCEPT && assertion.nameId().isPresent()) {
            PersonKeys.useAsBrokeredUserId(context, config, "temporary:" + assertion.nameId().get(), "bundid-temp-");
        } else {
            return refuse(config, BundIdMessages.TEMPORARY_LOGIN_REJECTED, "temporary login without bPK2");
        }

        EidLogin login = BundIdLoginReader.read(config.getAlias(), assertion, level.get(), method);
        // The client's rules, before a user or a session exists; they run again whenever a client gets a session.
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, Optional.of(login));
        if (violation.isPresent()) {
            return refuse(config, violation.get().messageKey(), violation.get().reason(), violation.get().moaStatusCode());
        }
        copyIntoProfile(context, assertion);
        recordAccepted(authSession, context, assertion, login);
        return broker.authenticated(context);
    }

    /** Keycloak hands over only the StatusMessage; the status codes and akdb details are in the response itself. */
    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        Optional<BundIdStatus> status = CurrentSamlResponse.read(session).map(BundIdStatus::of);
        return idpRefused(idpConfig, status.map(BundIdStatus::messageKey).orElse(BundIdMessages.IDP_ERROR), status.orElse(null), message);
    }

    static Optional<AssuranceLevel> assertedLevel(ReceivedAssertion assertion) {
        return assertion.authnContextClassRef().flatMap(AssuranceLevel::parse)
                .or(() -> assertion.firstValue(BundIdAttribute.CITIZEN_QAA_LEVEL.oid()).flatMap(AssuranceLevel::parse));
    }

    private static void copyIntoProfile(BrokeredIdentityContext context, ReceivedAssertion assertion) {
        assertion.firstValue(BundIdAttribute.GIVEN_NAME.oid()).ifPresent(context::setFirstName);
        assertion.firstValue(BundIdAttribute.SURNAME.oid()).ifPresent(context::setLastName);
        assertion.attribute(BundIdAttribute.MAIL.oid()).flatMap(ReceivedAttribute::firstValue).ifPresent(context::setEmail);
    }

}
