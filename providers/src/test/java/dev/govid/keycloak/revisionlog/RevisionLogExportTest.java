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
        assertThat(RevisionLogExport.cell("{\"hash\":\"x\",\"salt\":\"y\"}"))
                .isEqualTo("\"{\"\"hash\"\":\"\"x\"\",\"\"salt\"\":\"\"y\"\"}\"");
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
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RevisionLogQuery.of("x".repeat(256), null, null, null, null, null, null, 10))
                .hasMessageContaining("255");
        assertThatThrownBy(() -> RevisionLogQuery.of(null, null, null, null, null, -1, null, 10))
                .hasMessageContaining("first");
        assertThatThrownBy(() -> RevisionLogQuery.of(null, null, null, null, null, null, 1_000_000, 10))
                .hasMessageContaining("max");
        assertThat(RevisionLogQuery.of(null, null, null, "2026-01-01T00:00:00Z", "1767225600001", null, null, 10)
                        .from())
                .isEqualTo(1767225600000L);
    }

    @Test
    void aRecordBecomesOneRowPerEventEachCarryingTheRecordsLink() {
        RevisionRecord r = new RevisionRecord();
        r.setChainId("c");
        r.setSeq(7);
        r.setTransactionId("tx");
        r.setPrevHash("p");
        r.setHash("h");
        r.setEvents(EventsJson.encode(List.of(
                new PendingEvent("realm", 1000L, EventCode.TRANSACTION_STARTED, "tx", "tx", "s", "app"),
                new PendingEvent("realm", 2000L, EventCode.TRANSACTION_ENDED, "tx", "tx", "s", "app"))));
        List<Map<String, Object>> rows = RevisionLogExport.events(r);
        assertThat(rows).extracting(row -> row.get("code")).containsExactly(1100, 1101);
        assertThat(rows.get(1))
                .containsEntry("time", "1970-01-01T00:00:02Z")
                .containsEntry("transactionId", "tx")
                .containsEntry("sessionId", "s")
                .containsEntry("clientId", "app")
                .containsEntry("chainId", "c")
                .containsEntry("seq", 7L)
                .containsEntry("prevHash", "p")
                .containsEntry("hash", "h");
    }
}
