package dev.govid.keycloak.pvp;

import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.saml.EidIdentityProvider;
import dev.govid.keycloak.saml.EidResponseCallback;
import dev.govid.keycloak.saml.EidSystemName;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker with the PVP2 S-Profil / ID Austria dialect: requested level in the IdP's
 * vocabulary, the attribute set by AttributeConsumingServiceIndex (the set with mandate attributes when the person
 * acts for someone else), the PVP response rules in {@link PvpResponseCallback}, and SP metadata whose
 * AttributeConsumingServices list the sets.
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
        boolean onBehalf = RepresentationRequest.isOnBehalf(authSession);
        EidasRequestedAttributes extension = config.isRequestedAttributesExtension()
                ? new EidasRequestedAttributes(requestedAttributes(config), onBehalf)
                : null;
        return new EidRequest(extension, level);
    }

    /** The attribute set by its index (the set with mandate attributes when the person acts for someone else). */
    @Override
    protected void adjustAuthnRequest(AuthnRequestType authnRequest, AuthenticationSessionModel authSession) {
        authnRequest.setAttributeConsumingServiceIndex(
                AttributeConsumingServices.indexFor(RepresentationRequest.isOnBehalf(authSession)));
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
        return Optional.of(PvpLoginReader.read(
                getConfig().getAlias(), assertion, level.get(), bpk.get(), PvpMandateReader.read(assertion)));
    }

    /**
     * SP metadata as the PVP reference SP and ID Austria's registration expect it: requested attributes in
     * AttributeConsumingServices, one per attribute set ({@link AttributeConsumingServices}), {@code WantAssertionsSigned="true"} (GovID
     * requires a signed Response anyway) and the profile's NameID formats (persistent and transient); the base keeps
     * only the HTTP-POST assertion consumer service. The metadata is signed ({@link PvpConfig#isSignSpMetadata()}),
     * which is what its {@code ID} is for.
     */
    @Override
    protected void adjustSpDescriptor(SPSSODescriptorType sp, RealmModel realm) {
        String transientFormat = JBossSAMLURIConstants.NAMEID_FORMAT_TRANSIENT.get();
        sp.setWantAssertionsSigned(true);
        if (!sp.getNameIDFormat().contains(transientFormat)) {
            sp.addNameIDFormat(transientFormat);
        }
        AttributeConsumingServices.describe(
                sp,
                realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName(),
                requestedAttributes(pvpConfig()));
    }

    @Override
    protected void adjustEntityDescriptor(EntityDescriptorType descriptor, RealmModel realm) {
        PvpIdentityProviderFactory.keyStrength(session)
                .warnOnce(realm, getConfig().getAlias(), SpKeyStrength.listedKeys(session, realm));
    }

    /** The provider's settings plus every PVP attribute mapper; required wins over optional. */
    Map<PvpAttribute, Boolean> requestedAttributes(PvpConfig config) {
        return withMapperAttributes(
                config.getConfiguredAttributes(),
                PvpAttributeMapper.PROVIDER_ID,
                mapper -> PvpAttributeMapper.requestedAttribute(mapper)
                        .filter(attribute -> !attribute.isMandateAttribute()),
                PvpAttributeMapper::isRequired);
    }

    /** The level that counts (see {@link PvpLevel}: the lowest one the response states anywhere). */
    static Optional<AssuranceLevel> assertedLevel(ReceivedAssertion assertion) {
        return PvpResponseRules.statedLevel(assertion).level();
    }
}
