package dev.govid.keycloak.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.settings.SettingProblem;
import org.junit.jupiter.api.Test;

class DigidProfileTest {

    @Test
    void bsnPassesTheElevenTestAndIsReadFromA3xNameIdOfTheBsnSector() {
        assertThat(Bsn.parse("999990007")).map(Bsn::value).contains("999990007");
        assertThat(Bsn.parse("999990008")).isEmpty();
        assertThat(Bsn.parse("000000000")).isEmpty();
        assertThat(Bsn.parse("12345678a")).isEmpty();
        assertThat(Bsn.fromNameId3x("s00000000:900029365")).map(Bsn::value).contains("900029365");
        assertThat(Bsn.fromNameId3x("s00000001:900029365")).as("SOFI sector").isEmpty();
        assertThat(Bsn.parse("999990007").orElseThrow().toString()).doesNotContain("999990007");
    }

    @Test
    void levelsAreReadInBothVocabulariesAndWrittenInTheGenerations() {
        assertThat(DigidLevel.read("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"))
                .contains(DigidLevel.MIDDEN);
        assertThat(DigidLevel.read("http://eid.logius.nl/LoA/basic")).contains(DigidLevel.BASIS);
        assertThat(DigidLevel.read("http://eidas.europa.eu/LoA/high")).contains(DigidLevel.HOOG);
        assertThat(DigidLevel.read("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified"))
                .isEmpty();
        assertThat(DigidLevel.SUBSTANTIEEL.write(DigidGeneration.V3))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard");
        assertThat(DigidLevel.SUBSTANTIEEL.write(DigidGeneration.V4))
                .isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(DigidLevel.MIDDEN.level()).isEqualTo(AssuranceLevel.LOW);
        assertThat(DigidLevel.parseSetting("STORK-QAA-Level-3")).contains(DigidLevel.SUBSTANTIEEL);
        assertThat(DigidLevel.parseSetting("hoog")).contains(DigidLevel.HOOG);
        assertThat(DigidLevel.parseSetting("medium")).isEmpty();
    }

    @Test
    void artifactsOfAnotherIssuerOrJunkAreRefusedBeforeTheBackChannel() {
        String idp = "https://was-preprod1.digid.nl/saml/idp/metadata";
        byte[] raw = new byte[44];
        raw[1] = 4;
        System.arraycopy(DigidArtifact.sha1(idp), 0, raw, 4, 20);
        String good = Base64.getEncoder().encodeToString(raw);
        assertThat(DigidArtifact.problem(good, idp)).isNull();
        assertThat(DigidArtifact.problem(good, "https://other.example/idp")).contains("SourceID");
        assertThat(DigidArtifact.problem("not base64 <>", idp)).isNotNull();
        assertThat(DigidArtifact.problem(
                        Base64.getEncoder().encodeToString("short".getBytes(StandardCharsets.UTF_8)), idp))
                .isNotNull();
        raw[1] = 1;
        assertThat(DigidArtifact.problem(Base64.getEncoder().encodeToString(raw), idp))
                .contains("0x0004");
    }

    @Test
    void generationSettingIsReadLeniently() {
        assertThat(DigidGeneration.fromConfig("3")).isEqualTo(DigidGeneration.V3);
        assertThat(DigidGeneration.fromConfig("4.5")).isEqualTo(DigidGeneration.V4);
        assertThat(DigidGeneration.isKnown("5")).isFalse();
    }

    @Test
    void settingsAreCheckedStrictlyWhenSaved() {
        DigidConfig config = new DigidConfig();
        config.getConfig().put(DigidConfig.ENVIRONMENT, "staging");
        config.getConfig().put(DigidConfig.GENERATION, "5");
        config.getConfig().put(DigidConfig.SERVICE_INDEX, "-1");
        config.getConfig().put(DigidConfig.MINIMUM_LEVEL, "midden");
        config.getConfig().put(DigidConfig.MACHTIGEN, "yes");
        assertThat(config.problems())
                .extracting(SettingProblem::key)
                .containsExactlyInAnyOrder(
                        DigidConfig.ENVIRONMENT,
                        DigidConfig.GENERATION,
                        DigidConfig.SERVICE_UUID,
                        DigidConfig.SERVICE_INDEX,
                        DigidConfig.MACHTIGEN);

        DigidConfig good = new DigidConfig();
        good.getConfig().put(DigidConfig.GENERATION, "3");
        good.getConfig().put(DigidConfig.MINIMUM_LEVEL, "STORK-QAA-Level-3");
        assertThat(good.problems()).isEmpty();
    }
}
