package dev.govid.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the theme and of the providers exists in German, English and Dutch, and none is empty. */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = List.of("de", "en", "nl");

    @ParameterizedTest
    @ValueSource(strings = {"../themes/src/main/resources/theme/govid/login/messages",
            "../providers/src/main/resources/theme-resources/messages"})
    void everyKeyInEveryLanguage(String dir) throws IOException {
        Properties english = load(Path.of(dir, "messages_en.properties"));
        assertThat(english).isNotEmpty();
        for (String language : LANGUAGES) {
            Properties messages = load(Path.of(dir, "messages_" + language + ".properties"));
            assertThat(messages.keySet()).as("%s keys in %s", language, dir).isEqualTo(english.keySet());
            messages.forEach((key, value) -> assertThat(value.toString()).as("%s %s", language, key).isNotBlank());
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
