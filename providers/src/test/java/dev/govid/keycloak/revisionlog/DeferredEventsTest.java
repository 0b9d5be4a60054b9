package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeferredEventsTest {

    @Test
    void eventsSurviveTheirStayInTheAuthenticationSession() {
        List<PendingEvent> events = List.of(
                new PendingEvent("realm", 1000L, EventCode.TRANSACTION_STARTED, "root.tab", "root.tab", "root", "app"),
                new PendingEvent("realm", 1001L, EventCode.PROCESS_STARTED, null, "root.tab", "root", null),
                new PendingEvent("realm", 1002L, EventCode.EID_SELECTED, "quote \" comma , bracket ] – ü", "root.tab", null, "app"));
        assertThat(DeferredEvents.decode(DeferredEvents.encode(events), "realm", "root.tab")).isEqualTo(events);
    }

    @Test
    void entriesThatAreNotOurEventsAreDropped() {
        String note = "[[1000,1100,\"a\",\"s\",\"c\"],[1000,9999,\"unknown code\",null,null],\"text\",[1,2],[\"x\",1100,null,null,null]]";
        assertThat(DeferredEvents.decode(note, "realm", "tx")).extracting(PendingEvent::code).containsExactly(EventCode.TRANSACTION_STARTED);
        assertThat(DeferredEvents.decode(null, "realm", "tx")).isEmpty();
    }

    @Test
    void anUnreadableNoteIsAnError() {
        assertThatThrownBy(() -> DeferredEvents.decode("[[1000,1100", "realm", "tx")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("tx");
    }
}
