package dev.govid.keycloak.pvp;

import java.util.List;
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
import dev.govid.keycloak.saml.StatusCodes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Enforces the PVP2 S-Profil and the client's representation rules on a response Keycloak's SAML endpoint
 * has already validated and decrypted: signed Response, well-formed attributes, level, no test identity on a
 * production connection, a bPK of the configured sector as the person key, and an acceptable mandate.
 * A refusal shows its message on the login page; no user and no session are created.
 */
class PvpResponseCallback extends EidResponseCallback {

    private static final Logger LOG = Logger.getLogger(PvpResponseCallback.class);

    private final PvpIdentityProvider provider;

    PvpResponseCallback(KeycloakSession session, PvpIdentityProvider provider, AuthenticationCallback broker) {
        super(session, broker, "ID Austria", PvpMessages.CANCELLED);
        this.provider = provider;
    }

    @Override
    public Response authenticated(BrokeredIdentityContext context) {
        PvpConfig config = provider.pvpConfig();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ReceivedAssertion assertion = ReceivedAssertion.of(context);

        Optional<EidRefusal> refusal = PvpResponseRules.check(
                assertion,
                config,
                RequiredLevel.demand(config.getMinimumLevel(), authSession),
                provider.requestedAttributes(config));
        if (refusal.isPresent()) {
            return refuse(config, refusal.get());
        }
        PvpLevel stated = PvpResponseRules.statedLevel(assertion);
        AssuranceLevel level = stated.level().orElseThrow();
        if (stated.disagrees()) {
            // Logged only for a login that goes on; a refusal's one log line already lists the sources.
            LOG.infof(
                    "ID Austria response of '%s' states different levels (%s); the lowest counts",
                    config.getAlias(), stated);
        }
        Bpk bpk = PvpResponseRules.bpk(assertion).orElseThrow();
        EidLogin login;
        try {
            login = PvpLoginReader.read(config.getAlias(), assertion, level, bpk, PvpMandateReader.read(assertion));
        } catch (InvalidPvpAttributeException | java.time.format.DateTimeParseException e) {
            return refuse(config, PvpMessages.INVALID_ATTRIBUTE, e.getMessage());
        }
        // The client's rules (representation above all), before a user or a session exists; they run again whenever
        // a client gets a session.
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, Optional.of(login));
        if (violation.isPresent()) {
            return refuse(
                    config,
                    violation.get().messageKey(),
                    violation.get().reason(),
                    violation.get().moaStatusCode());
        }

        recordAccepted(authSession, context, assertion, login);
        PersonKeys.useAsBrokeredUserId(context, config, bpk.toString(), "pvp-");
        assertion.firstValue(PvpAttribute.GIVEN_NAME.uri()).ifPresent(context::setFirstName);
        assertion.firstValue(PvpAttribute.PRINCIPAL_NAME.uri()).ifPresent(context::setLastName);
        assertion.firstValue(PvpAttribute.MAIL.uri()).ifPresent(context::setEmail);
        return broker.authenticated(context);
    }

    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        List<String> codes =
                CurrentSamlResponse.read(session).map(StatusCodes::of).orElse(List.of());
        String key = StatusCodes.has(codes, "AuthnFailed")
                ? PvpMessages.CANCELLED
                : StatusCodes.has(codes, "NoAuthnContext")
                        ? PvpMessages.LEVEL_TOO_LOW
                        : StatusCodes.has(codes, "RequestDenied") ? PvpMessages.REQUEST_DENIED : PvpMessages.IDP_ERROR;
        return idpRefused(idpConfig, key, codes, message);
    }
}
