package dev.govid.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.govid.keycloak.bundid.BundIdIdentityProviderFactory;
import dev.govid.keycloak.digid.DigidIdentityProviderFactory;
import dev.govid.keycloak.pvp.PvpIdentityProviderFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The admin console shows a form field's label and help as message keys of the admin theme: every key the GovID
 * settings form and the BundID / ID Austria provider forms use has a text in English, German and Dutch. The console
 * does not run MessageFormat, so these texts carry no apostrophe (which the login bundle would have to double).
 */
class AdminFormTextsTest {

    @Test
    void everyLabelAndHelpTextOfTheConsoleFormsHasATextInEveryLanguage() throws IOException {
        List<String> keys = new ArrayList<>();
        for (List<ProviderConfigProperty> form : List.of(
                SettingsForm.common(),
                SettingsForm.saml1(),
                new BundIdIdentityProviderFactory().getConfigProperties(),
                new PvpIdentityProviderFactory().getConfigProperties(),
                new DigidIdentityProviderFactory().getConfigProperties())) {
            for (ProviderConfigProperty property : form) {
                keys.add(property.getLabel());
                keys.add(property.getHelpText());
            }
        }
        keys.add(new GovIdSettingsMapper.Oidc().getHelpText());
        assertThat(keys).doesNotContainNull().allMatch(key -> key.matches("govid[A-Za-z0-9]+"), "message keys");
        for (String language : List.of("en", "de", "nl")) {
            Properties messages = load(language);
            for (String key : keys) {
                assertThat(messages.getProperty(key))
                        .as(key + " in " + language)
                        .isNotBlank()
                        .doesNotContain("'");
            }
        }
    }

    private static Properties load(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = AdminFormTextsTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
