package dev.govid.keycloak.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.settings.FakeClient;
import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingProblem;
import org.junit.jupiter.api.Test;

class RepresentationRulesTest {

    @Test
    void defaultsForAClientWithoutSettings() {
        Parsed<RepresentationRules> rules = RepresentationRules.read(FakeClient.of(Map.of()));
        assertThat(rules.valid()).isTrue();
        assertThat(rules.value().mode()).isEqualTo(RepresentationMode.OFF);
        assertThat(rules.value().acceptedMandators())
                .containsExactlyInAnyOrder(MandatorKind.NATURAL, MandatorKind.LEGAL);
        assertThat(rules.value().maxValidityDays()).isEmpty();
        assertThat(rules.value().privateSector()).isFalse();
    }

    @Test
    void readsEverySetting() {
        RepresentationRules rules = RepresentationRules.read(FakeClient.of(Map.of(
                        "govid.representation",
                        "Required",
                        "govid.mandate.profiles",
                        "GeneralvollmachtBilateral##1.2.40.0.10.3.1##8d3ad7b4-5e43-4b8b-9d8a-7d8f6e4c2a10",
                        "govid.mandate.mandators",
                        "legal",
                        "govid.mandate.maxValidityDays",
                        "365",
                        "govid.privateSector",
                        "true")))
                .value();
        assertThat(rules.mode()).isEqualTo(RepresentationMode.REQUIRED);
        assertThat(rules.acceptedProfiles())
                .containsExactly(
                        "GeneralvollmachtBilateral", "1.2.40.0.10.3.1", "8d3ad7b4-5e43-4b8b-9d8a-7d8f6e4c2a10");
        assertThat(rules.acceptedMandators()).containsExactly(MandatorKind.LEGAL);
        assertThat(rules.maxValidityDays()).contains(365);
        assertThat(rules.privateSector()).isTrue();
    }

    /** Issue 13: a typo used to turn into OFF, and a bad number threw during a citizen's login. */
    @Test
    void typosAreProblemsNotDefaultsAndNothingThrows() {
        Parsed<RepresentationRules> rules = RepresentationRules.read(FakeClient.of(Map.of(
                "govid.representation",
                "requried",
                "govid.mandate.maxValidityDays",
                "ninety",
                "govid.mandate.mandators",
                "natural##company",
                "govid.mandate.profiles",
                "<script>",
                "govid.privateSector",
                "ja")));
        assertThat(rules.valid()).isFalse();
        assertThat(rules.problems())
                .extracting(SettingProblem::key)
                .containsExactlyInAnyOrder(
                        "govid.representation",
                        "govid.mandate.maxValidityDays",
                        "govid.mandate.mandators",
                        "govid.mandate.profiles",
                        "govid.privateSector");
        assertThat(RepresentationRules.read(FakeClient.of(Map.of("govid.mandate.maxValidityDays", "0")))
                        .valid())
                .isFalse();
        assertThat(RepresentationRules.read(FakeClient.of(Map.of("govid.mandate.maxValidityDays", "99999999999999")))
                        .valid())
                .isFalse();
    }

    @Test
    void privateSectorHasOneKeyAndTheOldOneIsStillRead() {
        assertThat(RepresentationRules.read(FakeClient.of(Map.of("moa.privateSector", "true")))
                        .value()
                        .privateSector())
                .isTrue();
        assertThat(RepresentationRules.read(
                                FakeClient.of(Map.of("govid.privateSector", "true", "moa.privateSector", "true")))
                        .valid())
                .isTrue();
        Parsed<RepresentationRules> conflict = RepresentationRules.read(
                FakeClient.of(Map.of("govid.privateSector", "false", "moa.privateSector", "true")));
        assertThat(conflict.valid()).isFalse();
        assertThat(conflict.problems().get(0).message()).contains("contradicts govid.privateSector");
        assertThat(conflict.value().privateSector()).isFalse();
        assertThat(Optional.of(conflict.value().mode())).contains(RepresentationMode.OFF);
    }
}
