package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventsJsonTest {

    @Test
    void eventsSurviveTheirStayInTheAuthenticationSession() {
        List<PendingEvent> events = List.of(
                new PendingEvent("realm", 1000L, EventCode.TRANSACTION_STARTED, "root.tab", "root.tab", "root", "app"),
                new PendingEvent("realm", 1001L, EventCode.PROCESS_STARTED, null, "root.tab", "root", null),
                new PendingEvent(
                        "realm",
                        1002L,
                        EventCode.EID_SELECTED,
                        "quote \" comma , bracket ] – ü",
                        "root.tab",
                        null,
                        "app"));
        assertThat(EventsJson.decode(EventsJson.encode(events), "realm", "root.tab"))
                .isEqualTo(events);
    }

    @Test
    void appendingGivesTheSameTextAsEncodingTheWholeList() {
        PendingEvent a = new PendingEvent("realm", 1L, EventCode.TRANSACTION_STARTED, "x", "tx", "s", "app");
        PendingEvent b = new PendingEvent("realm", 2L, EventCode.PROCESS_STARTED, null, "tx", "s", "app");
        assertThat(EventsJson.append(EventsJson.append(null, a), b)).isEqualTo(EventsJson.encode(List.of(a, b)));
    }

    @Test
    void aRecordLeavesOutItsOwnSessionAndClient() {
        List<PendingEvent> events = List.of(
                new PendingEvent("realm", 1L, EventCode.TRANSACTION_STARTED, "tx", "tx", "s", "app"),
                new PendingEvent("realm", 2L, EventCode.SESSION_STARTED, "other", "tx", "other", "app"));
        String stored = EventsJson.encode(events, "s", "app");
        assertThat(stored).isEqualTo("[[1,1100,\"tx\"],[2,1000,\"other\",\"other\",\"app\"]]");
        assertThat(EventsJson.decode(stored, "realm", "tx", "s", "app")).isEqualTo(events);
    }

    @Test
    void entriesThatAreNotOurEventsAreDropped() {
        String note =
                "[[1000,1100,\"a\",\"s\",\"c\"],[1000,9999,\"unknown code\",null,null],\"text\",[1,2],[\"x\",1100,null,null,null]]";
        assertThat(EventsJson.decode(note, "realm", "tx"))
                .extracting(PendingEvent::code)
                .containsExactly(EventCode.TRANSACTION_STARTED);
        assertThat(EventsJson.decode(null, "realm", "tx")).isEmpty();
    }

    @Test
    void anUnreadableNoteIsAnError() {
        assertThatThrownBy(() -> EventsJson.decode("[[1000,1100", "realm", "tx"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("tx");
    }
}
