package dev.govid.keycloak.bundid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.bundid.AkdbRequestExtension.DisplayInformation;
import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.loa.AchievedLevel;
import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.revisionlog.RevisionLog;
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
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker with the BundID dialect: the request gets the {@code akdb} extension and a STORK
 * level, the response goes through {@link BundIdResponseCallback}, and the SP metadata is served the way
 * BundID's self-service portal accepts it.
 */
public class BundIdIdentityProvider extends SAMLIdentityProvider {

    /** Keycloak keeps its copy private; the guarded endpoint needs the same validator. */
    private final DestinationValidator destinationValidator;

    public BundIdIdentityProvider(KeycloakSession session, BundIdConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator);
        this.destinationValidator = destinationValidator;
    }

    public BundIdConfig bundIdConfig() {
        return (BundIdConfig) getConfig();
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        BundIdConfig config = bundIdConfig();
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
            return EidUnavailable.page(session, request.getAuthenticationSession(), config, EidSystemName.BUNDID);
        }
        if (!OfferedEids.offers(authSession.getClient(), getConfig().getAlias())) {
            // The selection page hides it; this also closes kc_idp_hint and direct broker links.
            return OfferedEids.refuse(session, authSession);
        }
        PageMessage.forget(authSession);
        AssuranceLevel level = RequiredLevel.toRequest(config.getMinimumLevel(), authSession);
        AkdbRequestExtension extension = new AkdbRequestExtension(
                requestedAttributes(config),
                config.getAllowedMethods(),
                config.isStatusDetailEnabled(),
                new DisplayInformation(
                        config.getOrganizationDisplayName().orElse(null),
                        config.getOnlineServiceId().orElse(null),
                        config.getFixedLang().orElseGet(this::userLanguage),
                        config.getBackUrl(),
                        config.getPurpose()));
        String[] requestId = new String[1];
        Response response = PendingAuthnRequestCustomizer.during(
                authnRequest -> {
                    requestId[0] = authnRequest.getID();
                    return EidRequestDialect.apply(authnRequest, extension, level.storkName(), ReAuthentication.demanded(authSession));
                },
                () -> super.performLogin(request));
        RevisionLog.of(session).eidRequested(authSession, config.getIdpEntityId(), requestId[0]);
        return response;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        // Keycloak's SAMLEndpoint, guarded against hostile input and weak algorithms (see GuardedSamlEndpoint).
        return new GuardedSamlEndpoint(session, this, (EidProfileConfig) getConfig(),
                new BundIdResponseCallback(session, this, callback), destinationValidator, EidSystemName.BUNDID);
    }

    /**
     * Records what the login proved once the broker has finished with the user, on both the first-login and the
     * returning-user path (the first-login flow resets earlier notes): the eID-neutral login model, and the level as
     * Keycloak's level of authentication (which becomes {@code acr}).
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

    /** The login model of an accepted response; empty when it states no level (the callback refuses those). */
    Optional<EidLogin> readLogin(ReceivedAssertion assertion) {
        Optional<AuthnMethod> method = assertion.firstValue(BundIdAttribute.ASSERTION_PROVED_BY.oid()).flatMap(AuthnMethod::lookup);
        return BundIdResponseCallback.assertedLevel(assertion)
                .map(level -> BundIdLoginReader.read(getConfig().getAlias(), assertion, level, method));
    }

    /**
     * BundID refuses metadata with an {@code ID} attribute or a {@code validUntil}, and answers only over
     * the POST binding, so the other assertion consumer bindings Keycloak lists are left out.
     */
    @Override
    protected EntityDescriptorType getEntityDescriptor(UriInfo uriInfo, RealmModel realm, String format) {
        EntityDescriptorType descriptor = super.getEntityDescriptor(uriInfo, realm, format);
        SpMetadataAlgorithms.advertise(descriptor, ((EidProfileConfig) getConfig()).getAlgorithmPolicy());
        descriptor.setID(null);
        descriptor.setValidUntil(null);
        String post = JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.get();
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp != null) {
                    List.copyOf(sp.getAssertionConsumerService()).stream()
                            .filter(acs -> !post.equals(acs.getBinding().toString()))
                            .forEach(sp::removeAssertionConsumerService);
                }
            }
        }
        return descriptor;
    }

    /** The provider's own settings plus every GovID BundID attribute mapper; required wins over optional. */
    Map<BundIdAttribute, Boolean> requestedAttributes(BundIdConfig config) {
        Map<BundIdAttribute, Boolean> requested = new LinkedHashMap<>(config.getConfiguredAttributes());
        session.identityProviders().getMappersByAliasStream(config.getAlias())
                .filter(mapper -> BundIdAttributeMapper.PROVIDER_ID.equals(mapper.getIdentityProviderMapper()))
                .forEach(mapper -> BundIdAttributeMapper.requestedAttribute(mapper)
                        .filter(attribute -> attribute != BundIdAttribute.BPK2)
                        .ifPresent(attribute -> requested.merge(attribute, BundIdAttributeMapper.isRequired(mapper), Boolean::logicalOr)));
        return requested;
    }

    private String userLanguage() {
        Locale locale = session.getContext().resolveLocale(null);
        String language = locale == null ? "de" : locale.getLanguage();
        return BundIdConfig.LANGUAGES.contains(language) ? language : "de";
    }

}
