package dev.govid.keycloak.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import org.junit.jupiter.api.Test;

class PvpLevelTest {

    private static PvpLevel of(String classRef, Map<PvpAttribute, String> attributes) {
        return PvpLevel.of(Optional.ofNullable(classRef), a -> Optional.ofNullable(attributes.get(a)));
    }

    @Test
    void idAustriaStatesTheLevelOnlyInTheEidasAttribute() {
        PvpLevel level = of(
                "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified",
                Map.of(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL, "http://eidas.europa.eu/LoA/high"));
        assertThat(level.level()).contains(AssuranceLevel.HIGH);
        assertThat(level.disagrees()).isFalse();
    }

    @Test
    void legacySourcesStillCount() {
        assertThat(of(null, Map.of(PvpAttribute.EID_CITIZEN_QAA_LEVEL, "STORK-QAA-Level-3"))
                        .level())
                .contains(AssuranceLevel.SUBSTANTIAL);
        assertThat(of(null, Map.of(PvpAttribute.SECCLASS, "1")).level()).contains(AssuranceLevel.LOW);
        assertThat(of("http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-3", Map.of())
                        .level())
                .contains(AssuranceLevel.HIGH);
        assertThat(of("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified", Map.of())
                        .level())
                .isEmpty();
    }

    @Test
    void whenSourcesDisagreeTheLowestCounts() {
        PvpLevel level = of(
                "http://eidas.europa.eu/LoA/high",
                Map.of(
                        PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL, "http://eidas.europa.eu/LoA/substantial",
                        PvpAttribute.EID_CITIZEN_QAA_LEVEL, "STORK-QAA-Level-4"));
        assertThat(level.level()).contains(AssuranceLevel.SUBSTANTIAL);
        assertThat(level.disagrees()).isTrue();
        assertThat(level.toString())
                .startsWith("AuthnContextClassRef=STORK-QAA-Level-4, EID-CITIZEN-QAA-EIDAS-LEVEL=STORK-QAA-Level-3");
    }

    @Test
    void pvpVersionMustBeStatedAndAccepted() {
        assertThat(PvpVersion.problem(Optional.of("2.2"), PvpVersion.DEFAULT_ACCEPTED))
                .isEmpty();
        assertThat(PvpVersion.problem(Optional.of("2.1"), PvpVersion.DEFAULT_ACCEPTED))
                .isEmpty();
        assertThat(PvpVersion.problem(Optional.of("1.0"), PvpVersion.DEFAULT_ACCEPTED))
                .isPresent();
        assertThat(PvpVersion.problem(Optional.empty(), PvpVersion.DEFAULT_ACCEPTED))
                .isPresent();
        assertThat(PvpVersion.problem(Optional.of("2.1"), java.util.List.of("2.2")))
                .as("configured set")
                .isPresent();
    }
}
