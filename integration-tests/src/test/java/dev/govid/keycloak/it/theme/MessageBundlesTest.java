package dev.govid.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the theme and of the providers exists in German, English and Dutch, and none is empty. */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = List.of("de", "en", "nl");

    private static final List<String> BUNDLE_DIRS = List.of(
            "../themes/src/main/resources/theme/govid/login/messages",
            "../providers/src/main/resources/theme-resources/messages");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../themes/src/main/resources/theme/govid/login/messages",
                "../providers/src/main/resources/theme-resources/messages"
            })
    void everyKeyInEveryLanguage(String dir) throws IOException {
        Properties english = load(Path.of(dir, "messages_en.properties"));
        assertThat(english).isNotEmpty();
        for (String language : LANGUAGES) {
            Properties messages = load(Path.of(dir, "messages_" + language + ".properties"));
            assertThat(messages.keySet()).as("%s keys in %s", language, dir).isEqualTo(english.keySet());
            messages.forEach((key, value) ->
                    assertThat(value.toString()).as("%s %s", language, key).isNotBlank());
        }
    }

    /**
     * Keycloak formats every message with {@link MessageFormat} (the templates' {@code msg()} and the pages' message
     * summary alike), where a single {@code '} starts a quoted section and disappears: "this service's" would read
     * "this services". Renders every message that contains an apostrophe, in every bundle and language, the way
     * Keycloak does, and expects each apostrophe written as {@code ''} to come out as one.
     */
    @Test
    void everyApostropheSurvivesKeycloaksMessageFormatting() throws IOException {
        int rendered = 0;
        for (String dir : BUNDLE_DIRS) {
            for (String language : LANGUAGES) {
                Properties messages = load(Path.of(dir, "messages_" + language + ".properties"));
                for (String key : messages.stringPropertyNames()) {
                    String pattern = messages.getProperty(key);
                    if (!pattern.contains("'")) {
                        continue;
                    }
                    Object[] arguments = {"ARG0", "ARG1", "ARG2", "ARG3"};
                    String expected = pattern.replace("''", "'").replaceAll("\\{(\\d)}", "ARG$1");
                    String actual = new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
                    assertThat(actual)
                            .as("%s/%s %s as Keycloak renders it", dir, language, key)
                            .isEqualTo(expected);
                    rendered++;
                }
            }
        }
        assertThat(rendered)
                .as("messages with an apostrophe (at least en govidPvpWrongSector, nl eID''s)")
                .isGreaterThanOrEqualTo(4);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
