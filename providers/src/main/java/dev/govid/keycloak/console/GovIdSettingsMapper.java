package dev.govid.keycloak.console;

import java.util.List;
import java.util.stream.Collectors;

import dev.govid.keycloak.settings.ClientSettingsSources;
import dev.govid.keycloak.settings.SettingProblem;
import dev.govid.keycloak.validation.GovIdSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The <em>GovID settings</em> mapper type: a form in the admin console (client scope → Mappers → Configure a new
 * mapper → GovID settings, or a client's dedicated scope) holding an application's GovID settings. It puts nothing
 * into tokens or assertions; the settings readers find it through {@link ClientSettingsSources}. Validated when
 * saved, with the same rules as the client attributes. Keycloak lists mapper types per protocol, so there is one
 * subclass per protocol.
 */
public abstract class GovIdSettingsMapper implements ProtocolMapper {

    @Override
    public String getDisplayCategory() {
        return "GovID";
    }

    @Override
    public String getDisplayType() {
        return "GovID settings";
    }

    @Override
    public String getHelpText() {
        return "govidSettingsMapperHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SettingsForm.common();
    }

    /** Whether the form carries MOA-ID SAML1's settings too. */
    protected boolean saml1() {
        return false;
    }

    @Override
    public void validateConfig(
            KeycloakSession session,
            RealmModel realm,
            ProtocolMapperContainerModel container,
            ProtocolMapperModel mapper)
            throws ProtocolMapperConfigException {
        List<SettingProblem> problems = GovIdSettings.formProblems(session, realm, mapper.getConfig(), saml1());
        if (!problems.isEmpty()) {
            // MessageFormat reads the text the console shows: no quotes or braces from the problem texts.
            String text = "GovID settings: "
                    + problems.stream()
                            .map(SettingProblem::toString)
                            .collect(Collectors.joining("; "))
                            .replace("'", "")
                            .replace("{", "(")
                            .replace("}", ")");
            throw new ProtocolMapperConfigException(text, text);
        }
    }

    @Override
    public ProtocolMapper create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    /** For OpenID Connect clients and client scopes. */
    public static class Oidc extends GovIdSettingsMapper {
        public static final String ID = ClientSettingsSources.MAPPER_PREFIX;

        @Override
        public String getProtocol() {
            return "openid-connect";
        }

        @Override
        public String getId() {
            return ID;
        }

        @Override
        public void postInit(KeycloakSessionFactory factory) {
            LegacyAttributesNotice.registerFor(factory);
        }
    }

    /** For SAML 2 clients and client scopes. */
    public static class Saml extends GovIdSettingsMapper {
        public static final String ID = ClientSettingsSources.MAPPER_PREFIX + "-saml";

        @Override
        public String getProtocol() {
            return "saml";
        }

        @Override
        public String getId() {
            return ID;
        }
    }

    /** For MOA-ID SAML1 clients: the common fields and SAML1's. */
    public static class Saml1 extends GovIdSettingsMapper {
        public static final String ID = ClientSettingsSources.MAPPER_PREFIX + "-saml1";

        @Override
        public String getProtocol() {
            return dev.govid.keycloak.saml1.MoaSaml1LoginProtocolFactory.PROTOCOL_ID;
        }

        @Override
        public String getId() {
            return ID;
        }

        @Override
        protected boolean saml1() {
            return true;
        }

        @Override
        public List<ProviderConfigProperty> getConfigProperties() {
            return SettingsForm.saml1();
        }
    }
}
