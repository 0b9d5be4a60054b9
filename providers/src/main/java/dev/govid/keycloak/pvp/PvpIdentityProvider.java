package dev.govid.keycloak.pvp;

import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.saml.EidAttributeMapper;
import dev.govid.keycloak.saml.EidIdentityProvider;
import dev.govid.keycloak.saml.EidResponseCallback;
import dev.govid.keycloak.saml.EidSystemName;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.LocalizedNameType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
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
public class PvpIdentityProvider extends EidIdentityProvider<PvpConfig> {

    public PvpIdentityProvider(KeycloakSession session, PvpConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator, EidSystemName.ID_AUSTRIA);
    }

    public PvpConfig pvpConfig() {
        return profileConfig();
    }

    @Override
    protected EidRequest eidRequest(PvpConfig config, AuthenticationSessionModel authSession) {
        String level = config.getLoaVocabulary().write(RequiredLevel.toRequest(config.getMinimumLevel(), authSession));
        Map<PvpAttribute, Boolean> attributes = requestedAttributes(config);
        if (RepresentationRequest.isOnBehalf(authSession)) {
            // Not required: a login that comes back without a mandate gets the client's own, clearer refusal.
            for (PvpAttribute mandateAttribute : PvpAttribute.mandateAttributes()) {
                attributes.putIfAbsent(mandateAttribute, Boolean.FALSE);
            }
        }
        return new EidRequest(new EidasRequestedAttributes(attributes), level);
    }

    @Override
    protected EidResponseCallback responseCallback(AuthenticationCallback broker) {
        return new PvpResponseCallback(session, this, broker);
    }

    /** The login model of an accepted response, read again when the first-broker-login flow ran in between. */
    @Override
    protected Optional<EidLogin> readLogin(ReceivedAssertion assertion) {
        Optional<AssuranceLevel> level = assertedLevel(assertion);
        Optional<Bpk> bpk = PvpResponseRules.bpk(assertion);
        if (level.isEmpty() || bpk.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PvpLoginReader.read(getConfig().getAlias(), assertion, level.get(), bpk.get(), PvpMandateReader.read(assertion)));
    }

    /**
     * SP metadata as the PVP reference SP and ID Austria's registration expect it: requested attributes in an
     * AttributeConsumingService (Keycloak lists them only for mappers), {@code WantAssertionsSigned="true"} (GovID
     * requires a signed Response anyway) and the profile's NameID formats (persistent and transient); the base
     * keeps only the HTTP-POST assertion consumer service. The metadata is signed
     * ({@link PvpConfig#isSignSpMetadata()}), which is what its {@code ID} is for.
     */
    @Override
    protected void adjustSpDescriptor(SPSSODescriptorType sp, RealmModel realm) {
        String transientFormat = JBossSAMLURIConstants.NAMEID_FORMAT_TRANSIENT.get();
        sp.setWantAssertionsSigned(true);
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

    @Override
    protected void adjustEntityDescriptor(EntityDescriptorType descriptor, RealmModel realm) {
        requestedAttributes(pvpConfig()).forEach((attribute, required) -> EidAttributeMapper.addRequestedAttribute(descriptor,
                new EidAttributeMapper.CatalogueEntry(attribute.uri(), attribute.friendlyName()), required));
    }

    /** The provider's settings plus every PVP attribute mapper; required wins over optional. */
    Map<PvpAttribute, Boolean> requestedAttributes(PvpConfig config) {
        return withMapperAttributes(config.getConfiguredAttributes(), PvpAttributeMapper.PROVIDER_ID,
                mapper -> PvpAttributeMapper.requestedAttribute(mapper).filter(attribute -> !attribute.isMandateAttribute()),
                PvpAttributeMapper::isRequired);
    }

    /** The level that counts (see {@link PvpLevel}: the lowest one the response states anywhere). */
    static Optional<AssuranceLevel> assertedLevel(ReceivedAssertion assertion) {
        return PvpResponseRules.statedLevel(assertion).level();
    }
}
