package dev.govid.keycloak.pvp;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AchievedLevel;
import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.saml.EidAttributeMapper;
import dev.govid.keycloak.saml.EidRequestDialect;
import dev.govid.keycloak.saml.PendingAuthnRequestCustomizer;
import dev.govid.keycloak.saml.ReceivedAssertion;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.OfferedEids;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.SettingProblem;
import dev.govid.keycloak.saml.EidResponseCallback;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.saml.SAMLIdentityProvider;
import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.LocalizedNameType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker with the PVP2 S-Profil / ID Austria dialect: requested level in the IdP's
 * vocabulary, requested attributes (mandate attributes when the person acts for someone else), the PVP
 * response rules in {@link PvpResponseCallback}, and SP metadata whose AttributeConsumingService lists the
 * requested attributes.
 */
public class PvpIdentityProvider extends SAMLIdentityProvider {

    static final String TEST_IDENTITY_STATUS = "http://eid.gv.at/eID/status/testidentity";

    public PvpIdentityProvider(KeycloakSession session, PvpConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator);
    }

    public PvpConfig pvpConfig() {
        return (PvpConfig) getConfig();
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        PvpConfig config = pvpConfig();
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        List<SettingProblem> configProblems = config.problems();
        if (!configProblems.isEmpty()) {
            return Misconfiguration.providerPage(session, authSession, config.getAlias(), configProblems);
        }
        List<SettingProblem> clientProblems = ClientRules.settingsProblems(authSession.getClient());
        if (!clientProblems.isEmpty()) {
            return Misconfiguration.clientPage(session, authSession, authSession.getClient(), clientProblems);
        }
        if (config.getSingleSignOnServiceUrl() == null) {
            throw new IdentityBrokerException("ID Austria: the IdP metadata at " + config.getIdpMetadataUrl().orElse("(not configured)")
                    + " could not be read, so the login endpoint is unknown.");
        }
        if (!OfferedEids.offers(authSession.getClient(), getConfig().getAlias())) {
            // The selection page hides it; this also closes kc_idp_hint and direct broker links.
            return ErrorPage.error(session, authSession, Response.Status.FORBIDDEN, OfferedEids.NOT_OFFERED_MESSAGE);
        }
        String level = config.getLoaVocabulary().write(RequiredLevel.toRequest(config.getMinimumLevel(), authSession));
        Map<PvpAttribute, Boolean> attributes = requestedAttributes(config);
        if (RepresentationRequest.isOnBehalf(authSession)) {
            // Not required: a login that comes back without a mandate gets the client's own, clearer refusal.
            for (PvpAttribute mandateAttribute : PvpAttribute.mandateAttributes()) {
                attributes.putIfAbsent(mandateAttribute, Boolean.FALSE);
            }
        }
        EidasRequestedAttributes extension = new EidasRequestedAttributes(attributes);
        String[] requestId = new String[1];
        Response response = PendingAuthnRequestCustomizer.during(r -> {
            requestId[0] = r.getID();
            return EidRequestDialect.apply(r, extension, level);
        }, () -> super.performLogin(request));
        RevisionLog.of(session).eidRequested(request.getAuthenticationSession(), config.getIdpEntityId(), requestId[0]);
        return response;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return super.callback(realm, new PvpResponseCallback(session, this, callback), event);
    }

    /**
     * Records what the login proved after the broker finished with the user (both the first-login and the
     * returning path; the first-login flow resets earlier notes): the eID-neutral login model with the mandate, and
     * the level as Keycloak's level of authentication.
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        EidLogin login = EidResponseCallback.acceptedLogin(session).orElseGet(() -> readLogin(ReceivedAssertion.of(context)).orElse(null));
        if (login != null) {
            EidLoginNote.store(authSession, login);
            AchievedLevel.record(session, authSession, login.level());
        }
    }

    /** The login model of an accepted response, read again when the first-broker-login flow ran in between. */
    Optional<EidLogin> readLogin(ReceivedAssertion assertion) {
        Optional<AssuranceLevel> level = assertedLevel(assertion);
        Optional<Bpk> bpk = assertion.firstValue(PvpAttribute.BPK.uri()).flatMap(Bpk::parse);
        if (level.isEmpty() || bpk.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PvpLoginReader.read(getConfig().getAlias(), assertion, level.get(), bpk.get(), PvpMandateReader.read(assertion)));
    }

    /** PVP's reference SP lists its requested attributes in metadata; Keycloak only does so for mappers. */
    @Override
    protected EntityDescriptorType getEntityDescriptor(UriInfo uriInfo, RealmModel realm, String format) {
        EntityDescriptorType descriptor = super.getEntityDescriptor(uriInfo, realm, format);
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp != null && sp.getAttributeConsumingService().isEmpty()) {
                    AttributeConsumingServiceType service = new AttributeConsumingServiceType(1);
                    service.setIsDefault(true);
                    LocalizedNameType name = new LocalizedNameType("en");
                    name.setValue(realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName());
                    service.addServiceName(name);
                    sp.addAttributeConsumerService(service);
                }
            }
        }
        requestedAttributes(pvpConfig()).forEach((attribute, required) -> EidAttributeMapper.addRequestedAttribute(descriptor,
                new EidAttributeMapper.CatalogueEntry(attribute.uri(), attribute.friendlyName()), required));
        return descriptor;
    }

    /** The provider's settings plus every PVP attribute mapper; required wins over optional. */
    Map<PvpAttribute, Boolean> requestedAttributes(PvpConfig config) {
        Map<PvpAttribute, Boolean> requested = new LinkedHashMap<>(config.getConfiguredAttributes());
        session.identityProviders().getMappersByAliasStream(config.getAlias())
                .filter(mapper -> PvpAttributeMapper.PROVIDER_ID.equals(mapper.getIdentityProviderMapper()))
                .forEach(mapper -> PvpAttributeMapper.requestedAttribute(mapper)
                        .filter(attribute -> !attribute.isMandateAttribute())
                        .ifPresent(attribute -> requested.merge(attribute, PvpAttributeMapper.isRequired(mapper), Boolean::logicalOr)));
        return requested;
    }

    /** The level from the authentication context (any vocabulary), else from the level attributes. */
    static Optional<AssuranceLevel> assertedLevel(ReceivedAssertion assertion) {
        return assertion.authnContextClassRef().flatMap(AssuranceLevel::parse)
                .or(() -> assertion.firstValue(PvpAttribute.EID_CITIZEN_QAA_LEVEL.uri()).flatMap(AssuranceLevel::parse))
                .or(() -> assertion.firstValue(PvpAttribute.SECCLASS.uri())
                        .filter(v -> v.matches("[0-3]"))
                        .flatMap(v -> AssuranceLevel.ofKeycloakLevel(Integer.parseInt(v) + 1)));
    }

    static boolean isTestIdentity(ReceivedAssertion assertion) {
        return assertion.firstValue(PvpAttribute.EID_IDENTITY_STATUS_LEVEL.uri()).map(TEST_IDENTITY_STATUS::equals).orElse(false);
    }

}
