package dev.govid.keycloak.saml1;

import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.login.KeptData;
import dev.govid.keycloak.login.LoginDataConsumer;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Adds one attribute to the SAML1 assertion of a MOA-ID application: from a user attribute, a user-session
 * note (e.g. {@code govid.pvp.attr.MAIL}) or a fixed value, under the name and namespace the application expects.
 */
public class Saml1AttributeMapper extends Saml1ProtocolMapper implements LoginDataConsumer {

    public static final String ID = "govid-saml1-attribute";
    static final String NAME = "saml1.attribute.name";
    static final String NAMESPACE = "saml1.attribute.namespace";
    static final String SOURCE = "saml1.source";
    static final String SOURCE_VALUE = "saml1.source.value";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(NAME)
            .label("Attribute name")
            .helpText("AttributeName in the SAML1 assertion.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(NAMESPACE)
            .label("Attribute namespace")
            .helpText("AttributeNamespace; default: the MOA-ID persondata namespace.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(Saml1Xml.PERSONDATA_NS)
            .add()
            .property()
            .name(SOURCE)
            .label("Source")
            .helpText("Where the value comes from.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options("user-attribute", "eid-attribute", "session-note", "hardcoded")
            .defaultValue("user-attribute")
            .add()
            .property()
            .name(SOURCE_VALUE)
            .label("Source value")
            .helpText(
                    "User attribute name, the claim name of an attribute the eID login proved (e.g. email, source_pin), session note name, or the fixed value.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .build();

    /** An {@code eid-attribute} mapper needs its attribute kept in the session; the other sources need nothing of the login. */
    @Override
    public KeptData loginDataNeeded(ProtocolMapperModel model) {
        String sourceValue = model.getConfig().get(SOURCE_VALUE);
        return "eid-attribute".equals(model.getConfig().get(SOURCE)) && sourceValue != null
                ? KeptData.attributes(List.of(sourceValue.trim()))
                : KeptData.NOTHING;
    }

    /** The attribute this mapper contributes for a login, if its source has a value. */
    static Optional<Saml1Attribute> attributeFor(
            ProtocolMapperModel model, KeycloakSession session, AuthenticatedClientSessionModel clientSession) {
        UserSessionModel userSession = clientSession.getUserSession();
        String name = model.getConfig().get(NAME);
        String source = model.getConfig().getOrDefault(SOURCE, "user-attribute");
        String sourceValue = model.getConfig().get(SOURCE_VALUE);
        if (name == null || name.isBlank() || sourceValue == null) {
            return Optional.empty();
        }
        String value =
                switch (source) {
                    case "eid-attribute" ->
                        EidLoginNote.forClient(session, clientSession)
                                .flatMap(login -> login.attribute(sourceValue))
                                .orElse(null);
                    case "session-note" -> userSession.getNote(sourceValue);
                    case "hardcoded" -> sourceValue;
                    default -> userSession.getUser().getFirstAttribute(sourceValue);
                };
        String namespace = model.getConfig().getOrDefault(NAMESPACE, Saml1Xml.PERSONDATA_NS);
        return value == null
                ? Optional.empty()
                : Optional.of(new Saml1Attribute(
                        name.trim(), namespace.isBlank() ? Saml1Xml.PERSONDATA_NS : namespace.trim(), value));
    }

    @Override
    public String getDisplayType() {
        return "SAML1 attribute";
    }

    @Override
    public String getHelpText() {
        return "Adds an attribute to the MOA-ID SAML1 assertion.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return ID;
    }
}
