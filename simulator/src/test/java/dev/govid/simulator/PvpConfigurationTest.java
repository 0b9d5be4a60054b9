package dev.govid.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PvpConfigurationTest {

    @Test
    void cliOptions() {
        SimulatorConfig config = SimulatorMain.parse(new String[] {
            "--pvp-sector", "https://a.example/sp=GH",
            "--pvp-sector", "https://b.example/sp?x=1=XFN+468924i",
            "--pvp-entity-id", "https://idp.example/pvp",
            "--pvp-signature-algorithm", "rsa-pss-sha256"
        });
        assertThat(config.pvpSectors())
                .containsEntry("https://a.example/sp", "GH")
                .containsEntry("https://b.example/sp?x=1", "XFN+468924i")
                .hasSize(2);
        assertThat(config.pvpEntityId()).isEqualTo("https://idp.example/pvp");
        assertThat(config.pvpSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.RSA_PSS_SHA256);
    }

    @Test
    void defaultsAndBadValues() {
        SimulatorConfig defaults = SimulatorMain.parse(new String[0]);
        assertThat(defaults.pvpSectors()).isEmpty();
        assertThat(defaults.pvpSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
        assertThat(defaults.pvpEntityId()).isNull();
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--pvp-sector", "noequals"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
