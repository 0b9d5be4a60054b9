package dev.govid.keycloak.loa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssuranceLevelTest {

    @Test
    void readsEveryWireVocabulary() {
        assertThat(AssuranceLevel.parse("STORK-QAA-Level-4")).contains(AssuranceLevel.HIGH);
        assertThat(AssuranceLevel.parse("stork-qaa-level-3")).contains(AssuranceLevel.SUBSTANTIAL);
        assertThat(AssuranceLevel.parse("http://eidas.europa.eu/LoA/low")).contains(AssuranceLevel.LOW);
        assertThat(AssuranceLevel.parse("http://eidas.europa.eu/LoA/NotNotified/STORK-QAA-Level-2"))
                .contains(AssuranceLevel.LOW);
        assertThat(AssuranceLevel.parse("1")).contains(AssuranceLevel.BASIC);
    }

    @Test
    void rejectsWhatIsNotALevel() {
        assertThat(AssuranceLevel.parse(null)).isEmpty();
        assertThat(AssuranceLevel.parse("")).isEmpty();
        assertThat(AssuranceLevel.parse("STORK-QAA-Level-5")).isEmpty();
        assertThat(AssuranceLevel.parse("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"))
                .isEmpty();
        assertThat(AssuranceLevel.parse("5")).isEmpty();
    }

    @Test
    void ordersLevels() {
        assertThat(AssuranceLevel.HIGH.atLeast(AssuranceLevel.SUBSTANTIAL)).isTrue();
        assertThat(AssuranceLevel.SUBSTANTIAL.atLeast(AssuranceLevel.HIGH)).isFalse();
        assertThat(AssuranceLevel.max(AssuranceLevel.LOW, AssuranceLevel.SUBSTANTIAL))
                .isEqualTo(AssuranceLevel.SUBSTANTIAL);
        assertThat(AssuranceLevel.BASIC.eidasUri()).isEmpty();
        assertThat(AssuranceLevel.HIGH.eidasUri()).contains("http://eidas.europa.eu/LoA/high");
    }
}
