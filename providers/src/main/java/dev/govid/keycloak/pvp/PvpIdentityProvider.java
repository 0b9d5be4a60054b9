package dev.govid.keycloak.pvp;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.loa.AchievedLevel;
import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.saml.EidAttributeMapper;
import dev.govid.keycloak.saml.EidProfileConfig;
import dev.govid.keycloak.saml.EidRequestDialect;
import dev.govid.keycloak.saml.EidSystemName;
import dev.govid.keycloak.saml.EidUnavailable;
import dev.govid.keycloak.saml.GuardedSamlEndpoint;
import dev.govid.keycloak.saml.SpMetadataAlgorithms;
import dev.govid.keycloak.saml.ReAuthentication;
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
import org.keycloak.broker.saml.SAMLIdentityProvider;
import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.LocalizedNameType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker with the PVP2 S-Profil / ID Austria dialect: requested level in the IdP's
 * vocabulary, requested attributes (mandate attributes when the person acts for someone else), the PVP
 * response rules in {@link PvpResponseCallback}, and SP metadata whose AttributeConsumingService lists the
 * requested attributes.
 */
public class PvpIdentityProvider extends SAMLIdentityProvider {

    static final String TEST_IDENTITY_STATUS = "http://eid.gv.at/eID/status/testidentity";

    /** Keycloak keeps its copy private; the guarded endpoint needs the same validator. */
    private final DestinationValidator destinationValidator;

    public PvpIdentityProvider(KeycloakSession session, PvpConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator);
        this.destinationValidator = destinationValidator;
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
            return EidUnavailable.page(session, request.getAuthenticationSession(), config, EidSystemName.ID_AUSTRIA);
        }
        if (!OfferedEids.offers(authSession.getClient(), getConfig().getAlias())) {
            // The selection page hides it; this also closes kc_idp_hint and direct broker links.
            return OfferedEids.refuse(session, authSession);
        }
        PageMessage.forget(authSession);
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
            return EidRequestDialect.apply(r, extension, level, ReAuthentication.demanded(authSession));
        }, () -> super.performLogin(request));
        RevisionLog.of(session).eidRequested(request.getAuthenticationSession(), config.getIdpEntityId(), requestId[0]);
        return response;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        // Keycloak's SAMLEndpoint, guarded against hostile input and weak algorithms (see GuardedSamlEndpoint).
        return new GuardedSamlEndpoint(session, this, (EidProfileConfig) getConfig(),
                new PvpResponseCallback(session, this, callback), destinationValidator, EidSystemName.ID_AUSTRIA);
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
            EidLoginNote.store(session, authSession, login);
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

    /**
     * SP metadata as the PVP reference SP and ID Austria's registration expect it: requested attributes in an
     * AttributeConsumingService (Keycloak lists them only for mappers), {@code WantAssertionsSigned="true"} (GovID
     * requires a signed Response anyway), the profile's NameID formats (persistent and transient) and only the
     * HTTP-POST assertion consumer service (ID Austria answers only by POST, and GovID accepts nothing else). The
     * metadata is signed ({@link PvpConfig#isSignSpMetadata()}), which is what its {@code ID} is for.
     */
    @Override
    protected EntityDescriptorType getEntityDescriptor(UriInfo uriInfo, RealmModel realm, String format) {
        EntityDescriptorType descriptor = super.getEntityDescriptor(uriInfo, realm, format);
        SpMetadataAlgorithms.advertise(descriptor, ((EidProfileConfig) getConfig()).getAlgorithmPolicy());
        String post = JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.get();
        String transientFormat = JBossSAMLURIConstants.NAMEID_FORMAT_TRANSIENT.get();
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp == null) {
                    continue;
                }
                sp.setWantAssertionsSigned(true);
                List.copyOf(sp.getAssertionConsumerService()).stream()
                        .filter(acs -> !post.equals(acs.getBinding().toString()))
                        .forEach(sp::removeAssertionConsumerService);
                if (!sp.getNameIDFormat().contains(transientFormat)) {
                    sp.addNameIDFormat(transientFormat);
                }
                if (sp.getAttributeConsumingService().isEmpty()) {
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

    /** The level that counts (see {@link PvpLevel}: the lowest one the response states anywhere). */
    static Optional<AssuranceLevel> assertedLevel(ReceivedAssertion assertion) {
        return statedLevel(assertion).level();
    }

    static PvpLevel statedLevel(ReceivedAssertion assertion) {
        return PvpLevel.of(assertion.authnContextClassRef(), attribute -> assertion.firstValue(attribute.uri()));
    }

    /** ID Austria marks test identities with EID-IDENTITY-STATUS-LEVEL (and requires SPs to restrict them). */
    static boolean isTestIdentity(ReceivedAssertion assertion) {
        return assertion.firstValue(PvpAttribute.EID_IDENTITY_STATUS_LEVEL.uri()).map(TEST_IDENTITY_STATUS::equals).orElse(false);
    }

}
