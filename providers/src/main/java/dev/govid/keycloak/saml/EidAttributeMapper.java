package dev.govid.keycloak.saml;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
 * Maps one attribute of an eID attribute catalogue (picked by friendly name, matched on the wire by its
 * URI) into a user profile attribute, and asks the eID system for it: the profile's request lists it, and
 * so does the SP metadata's AttributeConsumingService. Each profile subclasses it with its catalogue.
 */
public abstract class EidAttributeMapper extends AbstractIdentityProviderMapper
        implements SamlMetadataDescriptorUpdater {

    public static final String USER_ATTRIBUTE = "user.attribute";
    private static final Set<IdentityProviderSyncMode> SYNC_MODES =
            new HashSet<>(Arrays.asList(IdentityProviderSyncMode.values()));

    /** One entry of a catalogue: the SAML attribute Name and its friendly name. */
    public record CatalogueEntry(String uri, String friendlyName) {}

    private final String attributeKey;
    private final String requiredKey;
    private final List<ProviderConfigProperty> config;

    protected EidAttributeMapper(
            String attributeKey,
            String requiredKey,
            String systemName,
            List<String> friendlyNames,
            String defaultName) {
        this.attributeKey = attributeKey;
        this.requiredKey = requiredKey;
        this.config = ProviderConfigurationBuilder.create()
                .property()
                .name(attributeKey)
                .label(systemName + " attribute")
                .helpText("The attribute from " + systemName
                        + "'s catalogue (matched by its URI, never by FriendlyName).")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(friendlyNames)
                .defaultValue(defaultName)
                .add()
                .property()
                .name(requiredKey)
                .label("Required")
                .helpText("Requested as required: the login is refused if " + systemName + " does not deliver it.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(USER_ATTRIBUTE)
                .label("User attribute")
                .helpText(
                        "User profile attribute to store the value in (firstName, lastName, email or any attribute declared in the user profile). Empty: only requested and kept in the session.")
                .type(ProviderConfigProperty.USER_PROFILE_ATTRIBUTE_LIST_TYPE)
                .add()
                .build();
    }

    /** The catalogue entry for a configured name, if it names one. */
    protected abstract Optional<CatalogueEntry> lookup(String name);

    @Override
    public String getDisplayCategory() {
        return "Attribute Importer";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return config;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return SYNC_MODES.contains(syncMode);
    }

    protected Optional<CatalogueEntry> configuredEntry(IdentityProviderMapperModel mapper) {
        return lookup(mapper.getConfig().get(attributeKey));
    }

    protected boolean configuredRequired(IdentityProviderMapperModel mapper) {
        return Boolean.parseBoolean(mapper.getConfig().get(requiredKey));
    }

    @Override
    public void preprocessFederatedIdentity(
            KeycloakSession session,
            RealmModel realm,
            IdentityProviderMapperModel mapper,
            BrokeredIdentityContext context) {
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
    public void updateBrokeredUser(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            IdentityProviderMapperModel mapper,
            BrokeredIdentityContext context) {
        String target = userAttribute(mapper);
        Optional<String> value = valueOf(mapper, context);
        if (target == null || value.isEmpty()) {
            return;
        }
        switch (target) {
            case UserModel.FIRST_NAME -> setIfChanged(user.getFirstName(), value.get(), user::setFirstName);
            case UserModel.LAST_NAME -> setIfChanged(user.getLastName(), value.get(), user::setLastName);
            case UserModel.EMAIL -> setIfChanged(user.getEmail(), value.get(), user::setEmail);
            default ->
                setIfChanged(user.getFirstAttribute(target), value.get(), v -> user.setSingleAttribute(target, v));
        }
    }

    @Override
    public void updateMetadata(IdentityProviderMapperModel mapper, EntityDescriptorType descriptor) {
        configuredEntry(mapper)
                .ifPresent(entry -> addRequestedAttribute(descriptor, entry, configuredRequired(mapper)));
    }

    /** Lists one requested attribute in every AttributeConsumingService of the SP metadata (once). */
    public static void addRequestedAttribute(EntityDescriptorType descriptor, CatalogueEntry entry, boolean required) {
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp == null) {
                    continue;
                }
                for (AttributeConsumingServiceType service : sp.getAttributeConsumingService()) {
                    boolean listed = service.getRequestedAttribute().stream()
                            .anyMatch(r -> entry.uri().equals(r.getName()));
                    if (!listed) {
                        RequestedAttributeType requested = new RequestedAttributeType(entry.uri());
                        requested.setFriendlyName(entry.friendlyName());
                        requested.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
                        requested.setIsRequired(required);
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

    private Optional<String> valueOf(IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        return configuredEntry(mapper)
                .flatMap(e -> ReceivedAssertion.of(context).firstValue(e.uri()));
    }

    private static void setIfChanged(String current, String value, Consumer<String> setter) {
        if (!Objects.equals(current, value)) {
            setter.accept(value);
        }
    }
}
