package dev.govid.keycloak.bundid;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.bundid.AkdbRequestExtension.DisplayInformation;
import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.saml.EidIdentityProvider;
import dev.govid.keycloak.saml.EidResponseCallback;
import dev.govid.keycloak.saml.EidSystemName;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's SAML broker with the BundID dialect: the request gets the {@code akdb} extension and a STORK
 * level, the response goes through {@link BundIdResponseCallback}, and the SP metadata is served the way
 * BundID's self-service portal accepts it.
 */
public class BundIdIdentityProvider extends EidIdentityProvider<BundIdConfig> {

    public BundIdIdentityProvider(
            KeycloakSession session, BundIdConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator, EidSystemName.BUNDID);
    }

    public BundIdConfig bundIdConfig() {
        return profileConfig();
    }

    @Override
    protected EidRequest eidRequest(BundIdConfig config, AuthenticationSessionModel authSession) {
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
        return new EidRequest(
                extension,
                RequiredLevel.toRequest(config.getMinimumLevel(), authSession).storkName());
    }

    @Override
    protected EidResponseCallback responseCallback(AuthenticationCallback broker) {
        return new BundIdResponseCallback(session, this, broker);
    }

    /** The login model of an accepted response; empty when it states no level (the callback refuses those). */
    @Override
    protected Optional<EidLogin> readLogin(ReceivedAssertion assertion) {
        return BundIdResponseRules.assertedLevel(assertion)
                .map(level -> BundIdLoginReader.read(
                        getConfig().getAlias(), assertion, level, BundIdResponseRules.method(assertion)));
    }

    /** BundID refuses metadata with an {@code ID} attribute or a {@code validUntil}. */
    @Override
    protected void adjustEntityDescriptor(EntityDescriptorType descriptor, RealmModel realm) {
        descriptor.setID(null);
        descriptor.setValidUntil(null);
    }

    /** The provider's own settings plus every GovID BundID attribute mapper; required wins over optional. */
    Map<BundIdAttribute, Boolean> requestedAttributes(BundIdConfig config) {
        return withMapperAttributes(
                config.getConfiguredAttributes(),
                BundIdAttributeMapper.PROVIDER_ID,
                mapper -> BundIdAttributeMapper.requestedAttribute(mapper)
                        .filter(attribute -> attribute != BundIdAttribute.BPK2),
                BundIdAttributeMapper::isRequired);
    }

    private String userLanguage() {
        Locale locale = session.getContext().resolveLocale(null);
        String language = locale == null ? "de" : locale.getLanguage();
        return BundIdConfig.LANGUAGES.contains(language) ? language : "de";
    }
}
