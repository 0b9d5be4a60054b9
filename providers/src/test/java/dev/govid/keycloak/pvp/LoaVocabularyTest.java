package dev.govid.keycloak.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govid.keycloak.loa.AssuranceLevel;
import org.junit.jupiter.api.Test;

class LoaVocabularyTest {

    @Test
    void writesAndReadsEveryVocabulary() {
        for (LoaVocabulary vocabulary : LoaVocabulary.values()) {
            for (AssuranceLevel level : AssuranceLevel.values()) {
                String written = vocabulary.write(level);
                AssuranceLevel read = AssuranceLevel.parse(written).orElseThrow();
                if (vocabulary == LoaVocabulary.EIDAS && level == AssuranceLevel.BASIC) {
                    assertThat(read).as("eIDAS has no basic level").isEqualTo(AssuranceLevel.LOW);
                } else {
                    assertThat(read).as(written).isEqualTo(level);
                }
            }
        }
        assertThat(LoaVocabulary.SECCLASS.write(AssuranceLevel.HIGH))
                .isEqualTo("http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-3");
    }
}
