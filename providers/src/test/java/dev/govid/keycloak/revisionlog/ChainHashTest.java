package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    /** Rows hashed by the first version (a Jackson array node's text) must still verify. */
    @Test
    void canonicalFormIsTheJsonArrayOfVersionOne() {
        RevisionLogEntry e = new RevisionLogEntry();
        e.setPrevHash(ChainHash.genesis("chain"));
        e.setId("id-1");
        e.setRealmId("realm");
        e.setChainId("chain");
        e.setSeq(42);
        e.setCreated(1_790_000_000_000L);
        e.setCode(6300);
        e.setValue("quote \" backslash \\ newline \n tab \t ü € \u0001 </script>");
        e.setTransactionId(null);
        e.setSessionId("s");
        e.setClientId(null);
        ObjectMapper mapper = new ObjectMapper();
        String tree = mapper.createArrayNode().add(ChainHash.VERSION).add(e.getPrevHash()).add(e.getId()).add(e.getRealmId())
                .add(e.getChainId()).add(e.getSeq()).add(e.getCreated()).add(e.getCode()).add(e.getValue())
                .add(e.getTransactionId()).add(e.getSessionId()).add(e.getClientId()).toString();
        assertThat(ChainHash.canonical(e)).isEqualTo(tree);
    }
}
