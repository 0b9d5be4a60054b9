package dev.govid.keycloak.saml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.govid.keycloak.flow.PageMessage;
import dev.govid.keycloak.loa.AchievedLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.OfferedEids;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.SettingProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLIdentityProvider;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.SamlProtocolExtensionsAwareBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker with what every eID profile does the same way: the checks before a login leaves
 * (settings, the client's offered eIDs, reachable metadata), the profile's dialect put into Keycloak's own
 * AuthnRequest, the response guarded ({@link GuardedSamlEndpoint}) and judged by the profile's callback, the
 * eID-neutral login recorded when the broker has finished, and SP metadata with the one answer binding the profile
 * accepts (POST, or HTTP-Artifact for DigiD). A profile says only what differs: its request dialect, its response
 * callback, how it reads a login and its metadata.
 */
public abstract class EidIdentityProvider<C extends EidProfileConfig> extends SAMLIdentityProvider {

    /** Keycloak keeps its copy private; the guarded endpoint needs the same validator. */
    private final DestinationValidator destinationValidator;

    private final EidSystemName systemName;

    protected EidIdentityProvider(
            KeycloakSession session, C config, DestinationValidator destinationValidator, EidSystemName systemName) {
        super(session, config, destinationValidator);
        this.destinationValidator = destinationValidator;
        this.systemName = systemName;
    }

    /** What the profile adds to Keycloak's AuthnRequest: its extension and the level in its vocabulary. */
    public record EidRequest(SamlProtocolExtensionsAwareBuilder.NodeGenerator extension, String level) {}

    @SuppressWarnings("unchecked")
    protected C profileConfig() {
        return (C) getConfig();
    }

    /** The profile's request for this login (called only once every check has passed). */
    protected abstract EidRequest eidRequest(C config, AuthenticationSessionModel authSession);

    /** The profile's changes to Keycloak's AuthnRequest beyond its extension and level (none by default). */
    protected void adjustAuthnRequest(AuthnRequestType authnRequest, AuthenticationSessionModel authSession) {}

    /** The profile's rules for the response Keycloak's endpoint has validated. */
    protected abstract EidResponseCallback responseCallback(AuthenticationCallback broker);

    /** The login model of an accepted response; empty when it lacks what the callback requires. */
    protected abstract Optional<EidLogin> readLogin(ReceivedAssertion assertion);

    @Override
    public Response performLogin(AuthenticationRequest request) {
        C config = profileConfig();
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        List<SettingProblem> configProblems = config.problems();
        if (!configProblems.isEmpty()) {
            return Misconfiguration.providerPage(session, authSession, config.getAlias(), configProblems);
        }
        List<SettingProblem> clientProblems = ClientRules.settingsProblems(authSession.getClient());
        if (!clientProblems.isEmpty()) {
            return Misconfiguration.clientPage(session, authSession, authSession.getClient(), clientProblems);
        }
        if (config.getSingleSignOnServiceUrl() == null
                || (config.isArtifactBindingResponse() && config.getArtifactResolutionServiceUrl() == null)) {
            return EidUnavailable.page(session, authSession, config, systemName);
        }
        if (!OfferedEids.offers(authSession.getClient(), config.getAlias())) {
            // The selection page hides it; this also closes kc_idp_hint and direct broker links.
            return OfferedEids.refuse(session, authSession);
        }
        PageMessage.forget(authSession);
        EidRequest eidRequest = eidRequest(config, authSession);
        String[] requestId = new String[1];
        Response response = PendingAuthnRequestCustomizer.during(
                authnRequest -> {
                    requestId[0] = authnRequest.getID();
                    adjustAuthnRequest(authnRequest, authSession);
                    return EidRequestDialect.apply(
                            authnRequest,
                            eidRequest.extension(),
                            eidRequest.level(),
                            ReAuthentication.demanded(authSession));
                },
                () -> super.performLogin(request));
        RevisionLog.of(session).eidRequested(authSession, config.getIdpEntityId(), requestId[0]);
        return response;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        // Keycloak's SAMLEndpoint, guarded against hostile input and weak algorithms (see GuardedSamlEndpoint).
        return endpoint(responseCallback(callback), destinationValidator);
    }

    /** The guarded endpoint for this profile's answers; a profile with its own binding's pages subclasses it. */
    protected GuardedSamlEndpoint endpoint(
            EidResponseCallback responseCallback, DestinationValidator destinationValidator) {
        return new GuardedSamlEndpoint(
                session, this, profileConfig(), responseCallback, destinationValidator, systemName);
    }

    /**
     * The login model when the first-broker-login flow ran between the response and the end of the broker's work
     * (that later request no longer has the callback's result): by default read again from the assertion.
     */
    protected Optional<EidLogin> loginAfterFirstBrokerLogin(BrokeredIdentityContext context) {
        return readLogin(ReceivedAssertion.of(context));
    }

    /**
     * Records what the login proved once the broker has finished with the user, on both the first-login and the
     * returning-user path (the first-login flow resets earlier notes): the eID-neutral login model, and the level as
     * Keycloak's level of authentication (which becomes {@code acr}).
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        EidLogin login = EidResponseCallback.acceptedLogin(session)
                .orElseGet(() -> loginAfterFirstBrokerLogin(context).orElse(null));
        if (login != null) {
            EidLoginNote.store(session, authSession, login);
            AchievedLevel.record(session, authSession, login.level());
        }
    }

    /**
     * Keycloak's SP metadata with the algorithms GovID accepts and only the assertion consumer service of the one
     * binding the profile accepts answers by (HTTP-POST, or HTTP-Artifact for DigiD); the profile adjusts the rest.
     */
    @Override
    protected EntityDescriptorType getEntityDescriptor(UriInfo uriInfo, RealmModel realm, String format) {
        EntityDescriptorType descriptor = super.getEntityDescriptor(uriInfo, realm, format);
        SpMetadataAlgorithms.advertise(descriptor, profileConfig().getAlgorithmPolicy());
        String accepted = (profileConfig().isArtifactBindingResponse()
                        ? JBossSAMLURIConstants.SAML_HTTP_ARTIFACT_BINDING
                        : JBossSAMLURIConstants.SAML_HTTP_POST_BINDING)
                .get();
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp != null) {
                    List.copyOf(sp.getAssertionConsumerService()).stream()
                            .filter(acs -> !accepted.equals(acs.getBinding().toString()))
                            .forEach(sp::removeAssertionConsumerService);
                    adjustSpDescriptor(sp, realm);
                }
            }
        }
        adjustEntityDescriptor(descriptor, realm);
        return descriptor;
    }

    /** The profile's changes to each SP role of its metadata. */
    protected void adjustSpDescriptor(SPSSODescriptorType sp, RealmModel realm) {}

    /** The profile's changes to its metadata as a whole, after the SP roles. */
    protected void adjustEntityDescriptor(EntityDescriptorType descriptor, RealmModel realm) {}

    /**
     * The configured attributes plus those the provider's attribute mappers ask for; required wins over optional.
     *
     * @param attributeOf the catalogue attribute a mapper asks for, empty for one the profile does not request this way
     */
    protected <A> Map<A, Boolean> withMapperAttributes(
            Map<A, Boolean> configured,
            String mapperProviderId,
            Function<IdentityProviderMapperModel, Optional<A>> attributeOf,
            Predicate<IdentityProviderMapperModel> isRequired) {
        Map<A, Boolean> requested = new LinkedHashMap<>(configured);
        session.identityProviders()
                .getMappersByAliasStream(getConfig().getAlias())
                .filter(mapper -> mapperProviderId.equals(mapper.getIdentityProviderMapper()))
                .forEach(mapper -> attributeOf
                        .apply(mapper)
                        .ifPresent(
                                attribute -> requested.merge(attribute, isRequired.test(mapper), Boolean::logicalOr)));
        return requested;
    }
}
