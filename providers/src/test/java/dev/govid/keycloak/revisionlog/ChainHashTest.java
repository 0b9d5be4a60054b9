package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static RevisionRecord record() {
        RevisionRecord e = new RevisionRecord();
        e.setPrevHash(ChainHash.genesis("chain"));
        e.setId("id-1");
        e.setRealmId("realm");
        e.setChainId("chain");
        e.setSeq(42);
        e.setCreated(1_790_000_000_000L);
        e.setEnded(1_790_000_004_000L);
        e.setTransactionId(null);
        e.setSessionId("s");
        e.setClientId("app");
        e.setEvents("[[1790000000000,1100,\"quote \\\" backslash \\\\ ü € </script>\",\"s\",null]]");
        return e;
    }

    /** The hashed text is exactly a JSON array of the fields, as a verifier outside GovID would rebuild it. */
    @Test
    void canonicalFormIsAJsonArrayOfTheColumns() throws Exception {
        RevisionRecord e = record();
        String expected = new ObjectMapper()
                .createArrayNode()
                .add(ChainHash.VERSION)
                .add(e.getPrevHash())
                .add(e.getId())
                .add(e.getRealmId())
                .add(e.getChainId())
                .add(e.getSeq())
                .add(e.getCreated())
                .add(e.getEnded())
                .add(e.getTransactionId())
                .add(e.getSessionId())
                .add(e.getClientId())
                .add(e.getEvents())
                .toString();
        assertThat(ChainHash.canonical(e)).isEqualTo(expected);
    }

    @Test
    void everyColumnIsCovered() {
        String hash = ChainHash.of(record());
        RevisionRecord edited = record();
        edited.setEvents(edited.getEvents().replace("1100", "1101"));
        assertThat(ChainHash.of(edited)).isNotEqualTo(hash);
        edited = record();
        edited.setEnded(edited.getEnded() + 1);
        assertThat(ChainHash.of(edited)).isNotEqualTo(hash);
        edited = record();
        edited.setPrevHash(ChainHash.genesis("other"));
        assertThat(ChainHash.of(edited)).isNotEqualTo(hash);
    }
}
