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
    /** MOA-ID 1008: minimum identification data missing (level, bPK, required attributes). */
    private static final String MOA_DATA_MISSING = "1008";
    /** MOA-ID 1111: the person may not use this application (test identity on a production connection). */
    private static final String MOA_ACCESS_DENIED = "1111";
    /** MOA-ID 4400: the authentication data cannot be built from the answer (unknown profile version, contradicting sector). */
    private static final String MOA_NOT_BUILDABLE = "4400";

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
        Optional<String> versionProblem = PvpVersion.problem(assertion.firstValue(PvpAttribute.PVP_VERSION.uri()), config.getAcceptedVersions());
        if (versionProblem.isPresent()) {
            return refuse(config, PvpMessages.VERSION_NOT_ACCEPTED, versionProblem.get(), MOA_NOT_BUILDABLE);
        }
        PvpLevel stated = PvpIdentityProvider.statedLevel(assertion);
        Optional<AssuranceLevel> level = stated.level();
        if (level.isEmpty()) {
            return refuse(config, PvpMessages.LEVEL_MISSING,
                    "no level in AuthnContextClassRef, EID-CITIZEN-QAA-EIDAS-LEVEL, EID-CITIZEN-QAA-LEVEL or SECCLASS", MOA_DATA_MISSING);
        }
        if (!RequiredLevel.isMetBy(level.get(), config.getMinimumLevel(), authSession)) {
            return refuse(config, PvpMessages.LEVEL_TOO_LOW, "asserted " + level.get().storkName() + " (" + stated + ")", MOA_DATA_MISSING);
        }
        if (stated.disagrees()) {
            // Logged only for a login that goes on; a refusal's one log line already lists the sources.
            LOG.infof("ID Austria response of '%s' states different levels (%s); the lowest counts", config.getAlias(), stated);
        }
        if (PvpIdentityProvider.isTestIdentity(assertion) && !config.isTestConnection()) {
            return refuse(config, PvpMessages.TEST_IDENTITY, "test identity (EID-IDENTITY-STATUS-LEVEL) on a production connection", MOA_ACCESS_DENIED);
        }
        Optional<Bpk> bpk = assertion.firstValue(PvpAttribute.BPK.uri()).flatMap(Bpk::parse);
        if (bpk.isEmpty()) {
            return refuse(config, PvpMessages.BPK_MISSING, "no bPK", MOA_DATA_MISSING);
        }
        if (!bpk.get().belongsTo(config.getSector())) {
            return refuse(config, PvpMessages.WRONG_SECTOR, "bPK of sector " + bpk.get().sector() + ", expected " + config.getSector(), MOA_DATA_MISSING);
        }
        // The IdP names the bPK's sector a second time; two different answers mean the person key cannot be trusted.
        Optional<String> sectorForIdentifier = assertion.firstValue(PvpAttribute.EID_SECTOR_FOR_IDENTIFIER.uri());
        if (sectorForIdentifier.isPresent() && !bpk.get().belongsTo(sectorForIdentifier.get())) {
            return refuse(config, PvpMessages.SECTOR_MISMATCH, "bPK of sector " + bpk.get().sector()
                    + " but EID-SECTOR-FOR-IDENTIFIER " + sectorForIdentifier.get(), MOA_NOT_BUILDABLE);
        }
        for (Map.Entry<PvpAttribute, Boolean> requested : provider.requestedAttributes(config).entrySet()) {
            if (requested.getValue() && assertion.firstValue(requested.getKey().uri()).isEmpty()) {
                return refuse(config, PvpMessages.REQUIRED_ATTRIBUTES_MISSING, "required attribute " + requested.getKey().friendlyName() + " missing",
                        MOA_DATA_MISSING);
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
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, Optional.of(login));
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
