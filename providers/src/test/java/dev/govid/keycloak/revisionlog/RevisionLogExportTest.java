package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RevisionLogExportTest {

    @Test
    void csvQuotesSeparatorsAndDefusesFormulas() {
        assertThat(RevisionLogExport.cell("plain")).isEqualTo("plain");
        assertThat(RevisionLogExport.cell("{\"hash\":\"x\",\"salt\":\"y\"}")).isEqualTo("\"{\"\"hash\"\":\"\"x\"\",\"\"salt\"\":\"\"y\"\"}\"");
        assertThat(RevisionLogExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RevisionLogExport.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(RevisionLogExport.cell(null)).isEmpty();
    }

    @Test
    void csvHasAHeaderAndOneLinePerRow() {
        String csv = RevisionLogExport.csv(List.of("a", "b"), List.of(Map.of("a", 1, "b", "x,y")));
        assertThat(csv).isEqualTo("a,b\r\n1,\"x,y\"\r\n");
    }

    @Test
    void queryRefusesMalformedAndOversizedFilters() {
        assertThatThrownBy(() -> RevisionLogQuery.of(null, null, null, "yesterday", null, null, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RevisionLogQuery.of("x".repeat(256), null, null, null, null, null, null, 10))
                .hasMessageContaining("255");
        assertThatThrownBy(() -> RevisionLogQuery.of(null, null, null, null, null, -1, null, 10)).hasMessageContaining("first");
        assertThatThrownBy(() -> RevisionLogQuery.of(null, null, null, null, null, null, 1_000_000, 10)).hasMessageContaining("max");
        assertThat(RevisionLogQuery.of(null, null, null, "2026-01-01T00:00:00Z", "1767225600001", null, null, 10).from())
                .isEqualTo(1767225600000L);
    }

    @Test
    void chainHashCoversEveryColumnAndThePredecessor() {
        RevisionLogEntry e = new RevisionLogEntry();
        e.setId("id");
        e.setRealmId("r");
        e.setChainId("c");
        e.setSeq(1);
        e.setCreated(5);
        e.setCode(1000);
        e.setValue("v");
        e.setPrevHash(ChainHash.genesis("c"));
        String hash = ChainHash.of(e);
        e.setValue("w");
        assertThat(ChainHash.of(e)).isNotEqualTo(hash);
        e.setValue("v");
        e.setSeq(2);
        assertThat(ChainHash.of(e)).isNotEqualTo(hash);
        e.setSeq(1);
        assertThat(ChainHash.of(e)).isEqualTo(hash).hasSize(64);
    }
}
