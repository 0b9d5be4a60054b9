package dev.govid.keycloak.revisionlog;

import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The hash that links a row to its predecessor: SHA-256 (hex) over a JSON array of the previous hash and every
 * column of the row. JSON keeps the encoding unambiguous (no value can pose as a field separator).
 */
final class ChainHash {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "govid-revlog-v1";

    private ChainHash() {
    }

    static String genesis(String chainId) {
        return HexFormat.of().formatHex(PersonPseudonym.sha256(VERSION + ":genesis:" + chainId));
    }

    static String of(RevisionLogEntry e) {
        ArrayNode fields = JSON.createArrayNode()
                .add(VERSION).add(e.getPrevHash()).add(e.getId()).add(e.getRealmId()).add(e.getChainId())
                .add(e.getSeq()).add(e.getCreated()).add(e.getCode()).add(e.getValue())
                .add(e.getTransactionId()).add(e.getSessionId()).add(e.getClientId());
        return HexFormat.of().formatHex(PersonPseudonym.sha256(fields.toString()));
    }
}
