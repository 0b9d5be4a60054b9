package dev.govid.keycloak.digid;

import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.RuleViolation;
import dev.govid.keycloak.saml.EidResponseCallback;
import dev.govid.keycloak.saml.PersonKeys;
import dev.govid.keycloak.saml.ReceivedAssertion;
import dev.govid.keycloak.saml.StatusCodes;
import jakarta.ws.rs.core.Response;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.w3c.dom.Element;

/**
 * Enforces the DigiD profile on an answer Keycloak's SAML endpoint has already resolved and validated (signatures,
 * Issuer, InResponseTo, Destination, audience, time window): it came by artifact, states a level that meets the
 * request, names this service (ServiceUUID), and proves a BSN — 3.x in the NameID, 4.x in the encrypted
 * ActingSubjectID; a LegalSubjectID makes it a DigiD Machtigen login, which the client's representation rules judge.
 * A refusal shows its page; no user and no session are created.
 */
class DigidResponseCallback extends EidResponseCallback {

    /**
     * The accepted login as JSON in the broker context, which Keycloak serialises across the first-broker-login flow
     * (the 4.x identities were decrypted from the resolved artifact, which that later request no longer has).
     */
    static final String LOGIN_DATA = "govid.digid.login";

    private static final String CANCEL_PHRASE = "Authentication cancelled";

    private final DigidIdentityProvider provider;

    DigidResponseCallback(KeycloakSession session, DigidIdentityProvider provider, AuthenticationCallback broker) {
        super(session, broker, "DigiD", DigidMessages.CANCELLED);
        this.provider = provider;
    }

    @Override
    public Response authenticated(BrokeredIdentityContext context) {
        DigidConfig config = provider.digidConfig();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<ResolvedArtifact> resolved = ResolvedArtifact.of(session);
        if (resolved.isEmpty()) {
            return refuse(
                    config, DigidMessages.ARTIFACT_ONLY, "answer sent by POST; DigiD answers only by HTTP-Artifact");
        }
        AssertionType parsed = (AssertionType) context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        Optional<Element> assertion = resolved.get().assertion(parsed == null ? null : parsed.getID());
        if (assertion.isEmpty()) {
            return refuse(
                    config,
                    DigidMessages.ARTIFACT_REFUSED,
                    "the checked assertion is not the one directly inside the resolved Response");
        }
        ReceivedAssertion received = ReceivedAssertion.of(context);
        Optional<DigidLevel> level = received.authnContextClassRef().flatMap(DigidLevel::read);
        if (level.isEmpty()) {
            return refuse(
                    config,
                    DigidMessages.LEVEL_MISSING,
                    "no DigiD level in AuthnContextClassRef: "
                            + received.authnContextClassRef().orElse("(none)"));
        }
        if (!RequiredLevel.isMetBy(
                level.get().level(), config.getMinimumDigidLevel().level(), authSession)) {
            return refuse(
                    config,
                    DigidMessages.LEVEL_TOO_LOW,
                    "asserted " + level.get().settingName());
        }
        Optional<String> serviceUuid =
                DigidSubjects.attributeText(assertion.get(), DigidIdentityProvider.SERVICE_UUID_ATTRIBUTE);
        DigidGeneration generation = config.getGeneration();
        if (config.getServiceUuid().isPresent()
                && (generation == DigidGeneration.V4 || serviceUuid.isPresent())
                && !serviceUuid
                        .map(u -> u.equalsIgnoreCase(config.getServiceUuid().get()))
                        .orElse(false)) {
            return refuse(
                    config,
                    DigidMessages.WRONG_SERVICE,
                    "ServiceUUID " + serviceUuid.orElse("(none)") + ", expected "
                            + config.getServiceUuid().get());
        }
        Bsn acting;
        Optional<Bsn> represented = Optional.empty();
        try {
            if (generation == DigidGeneration.V3) {
                Optional<Bsn> bsn = received.nameId().flatMap(Bsn::fromNameId3x);
                if (bsn.isEmpty()) {
                    return refuse(config, DigidMessages.BSN_MISSING, "NameID is not s00000000:<BSN>");
                }
                acting = bsn.get();
            } else {
                Optional<DigidSubjects.SubjectId> actingId = DigidSubjects.read(
                        session, context.getAuthenticationSession().getRealm(), assertion.get(), DigidSubjects.ACTING);
                Optional<Bsn> bsn = actingId.flatMap(DigidSubjects.SubjectId::bsn);
                if (bsn.isEmpty()) {
                    return refuse(
                            config,
                            DigidMessages.BSN_MISSING,
                            actingId.isEmpty()
                                    ? "no ActingSubjectID"
                                    : "ActingSubjectID is not a legacy-BSN (qualifier "
                                            + actingId.get().qualifier() + ")");
                }
                acting = bsn.get();
                Optional<DigidSubjects.SubjectId> legalId = DigidSubjects.read(
                        session, context.getAuthenticationSession().getRealm(), assertion.get(), DigidSubjects.LEGAL);
                if (legalId.isPresent()) {
                    represented = legalId.get().bsn();
                    if (represented.isEmpty()) {
                        return refuse(config, DigidMessages.BSN_MISSING, "LegalSubjectID is not a legacy-BSN");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return refuse(config, DigidMessages.BSN_MISSING, e.getMessage());
        }
        EidLogin login =
                DigidLoginReader.read(config.getAlias(), generation, acting, level.get(), serviceUuid, represented);
        Optional<RuleViolation> violation = ClientRules.check(session, authSession, Optional.of(login));
        if (violation.isPresent()) {
            return refuse(
                    config,
                    violation.get().messageKey(),
                    violation.get().reason(),
                    violation.get().moaStatusCode());
        }
        recordAccepted(authSession, context, received, login);
        context.getContextData().put(LOGIN_DATA, DigidLoginReader.toJson(login));
        // One user per connection (a realm may connect preproduction and production, or 3.x and 4.x).
        PersonKeys.useAsBrokeredUserId(context, config, acting.value(), "digid-" + config.getAlias() + "-");
        return broker.authenticated(context);
    }

    /** DigiD's status codes (in the resolved artifact's Response) as the pages the other profiles show. */
    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        Optional<ResolvedArtifact> resolved = ResolvedArtifact.of(session);
        List<String> codes = resolved.map(ResolvedArtifact::innerStatusCodes).orElse(List.of());
        String statusMessage =
                resolved.flatMap(ResolvedArtifact::innerStatusMessage).orElse(message);
        if (StatusCodes.has(codes, "AuthnFailed") && statusMessage != null && statusMessage.contains(CANCEL_PHRASE)) {
            return cancelled(idpConfig);
        }
        String key = StatusCodes.has(codes, "AuthnFailed")
                ? DigidMessages.AUTHN_FAILED
                : StatusCodes.has(codes, "NoAuthnContext")
                        ? DigidMessages.LEVEL_TOO_LOW
                        : StatusCodes.has(codes, "RequestDenied")
                                ? DigidMessages.REQUEST_DENIED
                                : StatusCodes.has(codes, "RequestUnsupported")
                                        ? DigidMessages.REQUEST_UNSUPPORTED
                                        : StatusCodes.has(codes, "NoSupportedIDP")
                                                ? DigidMessages.NO_SUPPORTED_IDP
                                                : DigidMessages.IDP_ERROR;
        return idpRefused(idpConfig, key, codes, statusMessage);
    }
}
