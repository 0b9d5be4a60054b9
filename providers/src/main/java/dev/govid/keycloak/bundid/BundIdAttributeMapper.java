package dev.govid.keycloak.bundid;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.RequestedAttributeType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.saml.mappers.SamlMetadataDescriptorUpdater;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * Maps one BundID attribute (picked by its friendly name, matched on the wire by its OID) into a user
 * profile attribute, and asks BundID for it: the attribute joins the request's
 * {@code akdb:RequestedAttributes} and the SP metadata's AttributeConsumingService.
 */
public class BundIdAttributeMapper extends AbstractIdentityProviderMapper implements SamlMetadataDescriptorUpdater {

    public static final String PROVIDER_ID = "govid-bundid-attribute-mapper";
    public static final String ATTRIBUTE = "bundid.attribute";
    public static final String REQUIRED = "bundid.required";
    public static final String USER_ATTRIBUTE = "user.attribute";

    private static final Set<IdentityProviderSyncMode> SYNC_MODES = new HashSet<>(Arrays.asList(IdentityProviderSyncMode.values()));

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(ATTRIBUTE).label("BundID attribute")
            .helpText("The attribute from BundID's catalogue (matched by its OID, never by FriendlyName).")
            .type(ProviderConfigProperty.LIST_TYPE).options(BundIdAttribute.friendlyNames()).defaultValue(BundIdAttribute.GIVEN_NAME.friendlyName()).add()
            .property().name(REQUIRED).label("Required")
            .helpText("Requested with RequiredAttribute=true: BundID refuses the login if it cannot deliver the attribute.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(USER_ATTRIBUTE).label("User attribute")
            .helpText("User profile attribute to store the value in (firstName, lastName, email or any attribute declared in the user profile). Empty: only requested and kept in the session.")
            .type(ProviderConfigProperty.USER_PROFILE_ATTRIBUTE_LIST_TYPE).add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {BundIdIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayCategory() {
        return "Attribute Importer";
    }

    @Override
    public String getDisplayType() {
        return "BundID Attribute";
    }

    @Override
    public String getHelpText() {
        return "Requests a BundID attribute and imports it into the user profile.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return SYNC_MODES.contains(syncMode);
    }

    static Optional<BundIdAttribute> requestedAttribute(IdentityProviderMapperModel mapper) {
        return BundIdAttribute.lookup(mapper.getConfig().get(ATTRIBUTE));
    }

    static boolean isRequired(IdentityProviderMapperModel mapper) {
        return Boolean.parseBoolean(mapper.getConfig().get(REQUIRED));
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        String target = userAttribute(mapper);
        Optional<String> value = valueOf(mapper, context);
        if (target == null || value.isEmpty()) {
            return;
        }
        switch (target) {
            case UserModel.FIRST_NAME -> context.setFirstName(value.get());
            case UserModel.LAST_NAME -> context.setLastName(value.get());
            case UserModel.EMAIL -> context.setEmail(value.get());
            default -> context.setUserAttribute(target, value.get());
        }
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        String target = userAttribute(mapper);
        Optional<String> value = valueOf(mapper, context);
        if (target == null || value.isEmpty()) {
            return;
        }
        switch (target) {
            case UserModel.FIRST_NAME -> setIfChanged(user.getFirstName(), value.get(), user::setFirstName);
            case UserModel.LAST_NAME -> setIfChanged(user.getLastName(), value.get(), user::setLastName);
            case UserModel.EMAIL -> setIfChanged(user.getEmail(), value.get(), user::setEmail);
            default -> {
                if (!Objects.equals(user.getFirstAttribute(target), value.get())) {
                    user.setSingleAttribute(target, value.get());
                }
            }
        }
    }

    @Override
    public void updateMetadata(IdentityProviderMapperModel mapper, EntityDescriptorType descriptor) {
        Optional<BundIdAttribute> attribute = requestedAttribute(mapper);
        if (attribute.isEmpty()) {
            return;
        }
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp == null) {
                    continue;
                }
                for (AttributeConsumingServiceType service : sp.getAttributeConsumingService()) {
                    boolean listed = service.getRequestedAttribute().stream().anyMatch(r -> attribute.get().oid().equals(r.getName()));
                    if (!listed) {
                        RequestedAttributeType requested = new RequestedAttributeType(attribute.get().oid());
                        requested.setFriendlyName(attribute.get().friendlyName());
                        requested.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
                        requested.setIsRequired(isRequired(mapper));
                        service.addRequestedAttribute(requested);
                    }
                }
            }
        }
    }

    private static String userAttribute(IdentityProviderMapperModel mapper) {
        String target = mapper.getConfig().get(USER_ATTRIBUTE);
        return target == null || target.isBlank() ? null : target.trim();
    }

    private static Optional<String> valueOf(IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        return requestedAttribute(mapper).flatMap(a -> ReceivedAssertion.of(context).firstValue(a.oid()));
    }

    private static void setIfChanged(String current, String value, java.util.function.Consumer<String> setter) {
        if (!Objects.equals(current, value)) {
            setter.accept(value);
        }
    }
}
