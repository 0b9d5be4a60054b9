package dev.govid.keycloak.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BpkTest {

    private static final String VALUE = "QW5uYUh1YmVyQkZiUEtiYXNlNjQ=";

    @Test
    void parsesPublicSectorBpk() {
        Bpk bpk = Bpk.parse("BF:" + VALUE).orElseThrow();
        assertThat(bpk.sector()).isEqualTo("BF");
        assertThat(bpk.value()).isEqualTo(VALUE);
        assertThat(bpk.isPrivateSector()).isFalse();
        assertThat(bpk.identifierType()).isEqualTo("urn:publicid:gv.at:cdid+BF");
        assertThat(bpk.belongsTo("BF")).isTrue();
        assertThat(bpk.belongsTo("urn:publicid:gv.at:cdid+BF")).isTrue();
        assertThat(bpk.belongsTo("GH")).isFalse();
    }

    @Test
    void parsesPrivateSectorWbpk() {
        Bpk wbpk = Bpk.parse("XFN+468924i:" + VALUE).orElseThrow();
        assertThat(wbpk.isPrivateSector()).isTrue();
        assertThat(wbpk.identifierType()).isEqualTo("urn:publicid:gv.at:wbpk+XFN+468924i");
        assertThat(wbpk.belongsTo("FN+468924i")).isTrue();
        assertThat(wbpk.belongsTo("urn:publicid:gv.at:wbpk+XFN+468924i")).isTrue();
        assertThat(wbpk.belongsTo("XFN+999999z")).isFalse();
        assertThat(Bpk.parse("SA-RE:" + VALUE)).isPresent();
    }

    @Test
    void rejectsMalformedBpks() {
        assertThat(Bpk.parse(null)).isEmpty();
        assertThat(Bpk.parse(VALUE)).as("no sector").isEmpty();
        assertThat(Bpk.parse("BF:")).as("no value").isEmpty();
        assertThat(Bpk.parse("BF:short")).as("too short").isEmpty();
        assertThat(Bpk.parse("bf:" + VALUE)).as("lower-case sector").isEmpty();
        assertThat(Bpk.parse("BF:" + VALUE + "<script>")).as("not base64").isEmpty();
        assertThat(Bpk.parse("BF:" + "A".repeat(800))).as("over-long").isEmpty();
    }
}
