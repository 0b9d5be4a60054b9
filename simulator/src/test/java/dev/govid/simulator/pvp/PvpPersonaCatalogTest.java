package dev.govid.simulator.pvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PvpPersonaCatalogTest {

    @Test
    void builtInPersonasMatchTheBrief() {
        PvpPersonaCatalog catalog = PvpPersonaCatalog.builtIn();
        assertThat(catalog.all())
                .extracting(PvpPersona::id)
                .containsExactly("anna", "anna-for-karl", "anna-for-company", "lawyer", "test-identity", "foreign");
        assertThat(catalog.all()).allSatisfy(p -> assertThat(p.baseId()).hasSize(22));

        PvpPersona karl = catalog.find("anna-for-karl").orElseThrow();
        assertThat(karl.mandate().mandator()).isInstanceOf(PvpMandate.NaturalMandator.class);
        assertThat(karl.mandate().referenceValue()).isEqualTo("MVR-2026-000123");
        PvpPersona company = catalog.find("anna-for-company").orElseThrow();
        assertThat(company.mandate().mandator())
                .isEqualTo(
                        new PvpMandate.LegalMandator("Musterfirma GmbH", "123456a", "urn:publicid:gv.at:baseid+XFN"));
        assertThat(catalog.find("lawyer").orElseThrow().mandate().professionalRepresentative())
                .isEqualTo(new PvpMandate.ProfessionalRepresentative("1.2.40.0.10.3.1", "Rechtsanwalt"));
        assertThat(catalog.find("foreign").orElseThrow().maxLevel()).isEqualTo(LoginLevel.SUBSTANTIAL);
        assertThat(catalog.find("foreign").orElseThrow().mail()).isNull();
        assertThat(catalog.find("test-identity").orElseThrow().testIdentity()).isTrue();
    }

    @Test
    void loadsAFileAndRejectsBadEntries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(
                file,
                "[{\"id\":\"x\",\"givenName\":\"X\",\"familyName\":\"Y\",\"birthDate\":\"2000-01-01\","
                        + "\"baseId\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"maxLevel\":\"low\"}]");
        PvpPersona x = PvpPersonaCatalog.load(file).find("x").orElseThrow();
        assertThat(x.issuingNation()).isEqualTo("AT");
        assertThat(x.maxLevel()).isEqualTo(LoginLevel.LOW);
        assertThat(x.hasMandate()).isFalse();

        Files.writeString(
                file, "[{\"id\":\"x\",\"givenName\":\"X\",\"familyName\":\"Y\",\"birthDate\":\"2000-01-01\"}]");
        assertThatThrownBy(() -> PvpPersonaCatalog.load(file)).hasMessageContaining("baseId");
    }

    @Test
    void sectorRules() {
        assertThat(new Sector("BF").isPrivate()).isFalse();
        assertThat(new Sector("BF").identifierUrn()).isEqualTo("urn:publicid:gv.at:cdid+BF");
        assertThat(new Sector("XFN+468924i").identifierUrn()).isEqualTo("urn:publicid:gv.at:wbpk+XFN+468924i");
        assertThat(new Sector("GH").bpkAttribute("abc")).startsWith("GH:").hasSize(3 + 28);
        assertThat(new Sector("GH").bpkValue("abc")).isNotEqualTo(new Sector("BF").bpkValue("abc"));
    }

    @Test
    void levelVocabularies() {
        assertThat(LoaVocabulary.parse("http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-1"))
                .hasValue(new LoaVocabulary.Level(LoaVocabulary.PVP_SECCLASS, 2));
        assertThat(LoaVocabulary.parse(" STORK-QAA-Level-3 "))
                .hasValue(new LoaVocabulary.Level(LoaVocabulary.STORK, 3));
        assertThat(LoaVocabulary.parse("http://eidas.europa.eu/LoA/high"))
                .hasValue(new LoaVocabulary.Level(LoaVocabulary.EIDAS, 4));
        assertThat(LoaVocabulary.parse("urn:unknown")).isEmpty();
        assertThat(LoaVocabulary.PVP_SECCLASS.classRef(1)).endsWith("/secclass/0");
        assertThat(LoaVocabulary.PVP_SECCLASS.classRef(4)).endsWith("/secclass/0-3");
    }
}
