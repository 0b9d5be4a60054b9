package dev.govid.keycloak.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void unsetTakesTheDefaultWithoutAProblem() {
        SettingsReader r = SettingsReader.of(Map.of("blank", "  "));
        assertThat(r.bool("missing", true)).isTrue();
        assertThat(r.bool("blank", false)).isFalse();
        assertThat(r.number("missing", 1, 10)).isEmpty();
        assertThat(r.choice("missing", "a", SettingsReader.options(List.of("a", "b"), List.of("a", "b"))))
                .isEqualTo("a");
        assertThat(r.text("missing")).isNull();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void wrongValuesAreProblemsNotDefaults() {
        SettingsReader r = SettingsReader.of(Map.of(
                "flag", "yes", "n", "30 days", "big", "99999999999", "choice", "c", "text", "a\nb", "list", "a##!!"));
        r.bool("flag", false);
        r.number("n", 1, 100);
        r.number("big", 1, 100);
        r.choice("choice", "a", SettingsReader.options(List.of("a", "b"), List.of("a", "b")));
        r.text("text");
        assertThat(r.list("list", v -> v.matches("[a-z]+") ? null : "bad entry"))
                .containsExactly("a");
        assertThat(r.problems())
                .extracting(SettingProblem::key)
                .containsExactly("flag", "n", "big", "choice", "text", "list");
        assertThat(r.problems().get(3).message()).isEqualTo("must be one of a, b");
    }

    @Test
    void valuesAreReadInAnyCaseAndTrimmed() {
        SettingsReader r = SettingsReader.of(Map.of("flag", " TRUE ", "n", " 7 ", "choice", " B "));
        assertThat(r.bool("flag", false)).isTrue();
        assertThat(r.number("n", 1, 10)).contains(7L);
        assertThat(r.choice("choice", "a", SettingsReader.options(List.of("a", "b"), List.of("a", "b"))))
                .isEqualTo("b");
        assertThat(r.problems()).isEmpty();
    }
}
