package dev.govid.simulator.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.govid.simulator.TrustLevelVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonaCatalogTest {
    private static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";
    private static final String POSTKORB = "urn:oid:2.5.4.18";

    @Test
    void builtInPersonasMatchTheBrief() {
        PersonaCatalog catalog = PersonaCatalog.builtIn();
        assertThat(catalog.all()).extracting(Persona::id).containsExactly("erika", "max", "temp", "jan");

        Persona erika = catalog.find("erika").orElseThrow();
        assertThat(erika.attribute(BPK2))
                .hasValueSatisfying(a -> assertThat(a.value()).hasSize(44));
        assertThat(erika.attribute("urn:oid:1.2.40.0.10.2.1.1.55"))
                .hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("1964-08-12"));
        assertThat(erika.attribute("urn:oid:2.5.4.7"))
                .hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("Köln"));
        assertThat(erika.attribute("urn:oid:0.9.2342.19200300.100.1.3"))
                .hasValueSatisfying(a -> assertThat(a.trustLevel()).isEqualTo(TrustLevel.NORMAL));
        assertThat(erika.attribute("urn:oid:1.3.6.1.4.1.33592.1.3.5"))
                .hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("2"));

        Persona temp = catalog.find("temp").orElseThrow();
        assertThat(temp.attribute(BPK2)).isEmpty();
        assertThat(temp.attribute(POSTKORB)).isEmpty();
        assertThat(temp.defaultMethod()).isEqualTo("Benutzername");

        Persona jan = catalog.find("jan").orElseThrow();
        assertThat(jan.eidasLevelOrDefault()).isEqualTo(3);
        assertThat(jan.attribute("urn:oid:1.3.6.1.4.1.25484.494450.10.1"))
                .hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("NL"));
    }

    @Test
    void trustLevelsAcceptBothVocabularies() {
        assertThat(TrustLevel.parse("hoch")).isEqualTo(TrustLevel.HOCH);
        assertThat(TrustLevel.parse("Basisregistrierung")).isEqualTo(TrustLevel.UNTERGEORDNET);
        assertThat(TrustLevel.NORMAL.spelling(TrustLevelVocabulary.SPEC_TABLE)).isEqualTo("Niedrig");
        assertThat(TrustLevel.SUBSTANTIELL.spelling(TrustLevelVocabulary.SPEC_EXAMPLES))
                .isEqualTo("SUBSTANTIELL");
        assertThatThrownBy(() -> TrustLevel.parse("mittel")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customFileAsBareArray(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(
                file,
                "[{\"id\":\"x\",\"displayName\":\"X\",\"defaultMethod\":\"FINK\",\"attributes\":"
                        + "[{\"name\":\"urn:oid:2.5.4.42\",\"friendlyName\":\"givenName\",\"value\":\"Xaver\","
                        + "\"trustLevel\":\"Substantiell\"}]}]");
        PersonaCatalog catalog = PersonaCatalog.load(file);
        assertThat(catalog.find("x").orElseThrow().attribute("urn:oid:2.5.4.42"))
                .hasValueSatisfying(a -> assertThat(a.trustLevel()).isEqualTo(TrustLevel.SUBSTANTIELL));
    }
}
