package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class EventSelectionTest {

    @Test
    void defaultAndAllSelectEveryEvent() {
        assertThat(EventSelection.parse(null)).isEqualTo(EnumSet.allOf(EventCode.class));
        assertThat(EventSelection.parse(" ALL ")).isEqualTo(EnumSet.allOf(EventCode.class));
    }

    @Test
    void listsPickCodes() {
        assertThat(EventSelection.parse("6300, 5002"))
                .containsExactlyInAnyOrder(EventCode.EID_SELECTED, EventCode.PERSON);
        assertThat(EventSelection.parse("none")).isEmpty();
        assertThat(EventSelection.listProblem("6300, 5002")).isNull();
        assertThat(EventSelection.listProblem(" NONE ")).isNull();
    }

    /** An invalid list is refused at save; one stored anyway records every event (for an audit log, more is closed). */
    @Test
    void anInvalidListIsAProblemAndRecordsEverything() {
        assertThat(EventSelection.listProblem("6300, 5002 9999 abc 50021")).isNotNull();
        assertThat(EventSelection.listProblem("6300;5002")).isNotNull();
        assertThat(EventSelection.parse("6300, 5002 9999 abc 50021")).isEqualTo(EnumSet.allOf(EventCode.class));
    }

    @Test
    void baseEventsAreExactlyTheSessionAndTransactionCodes() {
        assertThat(EnumSet.allOf(EventCode.class).stream()
                        .filter(EventCode::isBase)
                        .map(EventCode::code))
                .containsExactlyInAnyOrder(1000, 1001, 1002, 1003, 1100, 1101, 1102, 1103);
    }

    @Test
    void everyCodeOfTheSeedTableExists() {
        int[] seed = {
            1000, 1001, 1002, 1003, 1100, 1101, 1102, 1103, 3000, 3300, 4000, 4001, 5000, 5001, 5002, 5100, 5101, 5102,
            5103, 6300, 6301, 6302, 6303, 6304
        };
        for (int code : seed) {
            assertThat(EventCode.of(code)).as("code %d", code).isPresent();
        }
        assertThat(EventCode.values()).hasSize(seed.length);
    }
}
