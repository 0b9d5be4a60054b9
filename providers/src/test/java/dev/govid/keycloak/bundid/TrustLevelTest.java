package dev.govid.keycloak.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustLevelTest {

    @Test
    void acceptsBothVocabulariesCaseInsensitively() {
        assertThat(TrustLevel.parse("HOCH")).contains(TrustLevel.HOCH);
        assertThat(TrustLevel.parse("Hoch")).contains(TrustLevel.HOCH);
        assertThat(TrustLevel.parse("substantiell")).contains(TrustLevel.SUBSTANTIELL);
        assertThat(TrustLevel.parse("Niedrig")).contains(TrustLevel.NORMAL);
        assertThat(TrustLevel.parse("Basisregistrierung")).contains(TrustLevel.UNTERGEORDNET);
        assertThat(TrustLevel.parse("akdb:NORMAL")).contains(TrustLevel.NORMAL);
    }

    @Test
    void ignoresUnknownValues() {
        assertThat(TrustLevel.parse("SEHR_HOCH")).isEmpty();
        assertThat(TrustLevel.parse(null)).isEmpty();
    }
}
