package dev.govid.keycloak.pvp;

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
import dev.govid.keycloak.saml.StatusCodes;
import jakarta.ws.rs.core.Response;
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

        if (!assertion.isResponseSigned()) {
            return refuse(config, PvpMessages.RESPONSE_NOT_SIGNED, "only the assertion is signed (PVP2-S requires a signed Response)");
        }
        for (ReceivedAssertion.ReceivedAttribute received : assertion.attributes().values()) {
            Optional<PvpAttribute> attribute = PvpAttribute.byUri(received.name());
            for (String value : received.values()) {
                String problem = attribute.map(a -> a.problemWith(value)).orElse(null);
                if (problem != null) {
                    return refuse(config, PvpMessages.INVALID_ATTRIBUTE, problem);
                }
            }
        }
        Optional<AssuranceLevel> level = PvpIdentityProvider.assertedLevel(assertion);
        if (level.isEmpty()) {
            return refuse(config, PvpMessages.LEVEL_MISSING, "no level in AuthnContextClassRef, EID-CITIZEN-QAA-LEVEL or SECCLASS");
        }
        if (!RequiredLevel.isMetBy(level.get(), config.getMinimumLevel(), authSession)) {
            return refuse(config, PvpMessages.LEVEL_TOO_LOW, "asserted " + level.get().storkName());
        }
        if (PvpIdentityProvider.isTestIdentity(assertion) && !config.isTestConnection()) {
            return refuse(config, PvpMessages.TEST_IDENTITY, "test identity on a production connection");
        }
        Optional<Bpk> bpk = assertion.firstValue(PvpAttribute.BPK.uri()).flatMap(Bpk::parse);
        if (bpk.isEmpty()) {
            return refuse(config, PvpMessages.BPK_MISSING, "no bPK");
        }
        if (!bpk.get().belongsTo(config.getSector())) {
            return refuse(config, PvpMessages.WRONG_SECTOR, "bPK of sector " + bpk.get().sector() + ", expected " + config.getSector());
        }
        for (Map.Entry<PvpAttribute, Boolean> requested : provider.requestedAttributes(config).entrySet()) {
            if (requested.getValue() && assertion.firstValue(requested.getKey().uri()).isEmpty()) {
                return refuse(config, PvpMessages.REQUIRED_ATTRIBUTES_MISSING, "required attribute " + requested.getKey().friendlyName() + " missing");
            }
        }
        EidLogin login;
        try {
            login = PvpLoginReader.read(config.getAlias(), assertion, level.get(), bpk.get(), PvpMandateReader.read(assertion));
        } catch (InvalidPvpAttributeException | java.time.format.DateTimeParseException e) {
            return refuse(config, PvpMessages.INVALID_ATTRIBUTE, e.getMessage());
        }
        // The client's rules (representation above all), before a user or a session exists; they run again whenever
        // a client gets a session.
        Optional<RuleViolation> violation = ClientRules.check(authSession, Optional.of(login));
        if (violation.isPresent()) {
            return refuse(config, violation.get().messageKey(), violation.get().reason(), violation.get().moaStatusCode());
        }

        recordAccepted(authSession, context, assertion, login);
        PersonKeys.useAsBrokeredUserId(context, config, bpk.get().toString(), "pvp-");
        assertion.firstValue(PvpAttribute.GIVEN_NAME.uri()).ifPresent(context::setFirstName);
        assertion.firstValue(PvpAttribute.PRINCIPAL_NAME.uri()).ifPresent(context::setLastName);
        assertion.firstValue(PvpAttribute.MAIL.uri()).ifPresent(context::setEmail);
        return broker.authenticated(context);
    }

    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        List<String> codes = CurrentSamlResponse.read(session).map(StatusCodes::of).orElse(List.of());
        String key = StatusCodes.has(codes, "AuthnFailed") ? PvpMessages.CANCELLED
                : StatusCodes.has(codes, "NoAuthnContext") ? PvpMessages.LEVEL_TOO_LOW
                : StatusCodes.has(codes, "RequestDenied") ? PvpMessages.REQUEST_DENIED
                : PvpMessages.IDP_ERROR;
        return idpRefused(idpConfig, key, codes, message);
    }

}
