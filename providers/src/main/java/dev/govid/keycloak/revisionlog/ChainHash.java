package dev.govid.keycloak.revisionlog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The hash that links a record to its predecessor: SHA-256 (hex) over a JSON array of the previous hash and
 * every column of the record, its events as stored. JSON keeps the encoding unambiguous (no value can pose as
 * a field separator); Jackson's streaming generator writes it without building a tree.
 */
final class ChainHash {
    private static final JsonFactory JSON = new JsonFactory();
    static final String VERSION = "govid-revlog-v2";

    private ChainHash() {}

    static String genesis(String chainId) {
        return HexFormat.of().formatHex(PersonPseudonym.sha256(VERSION + ":genesis:" + chainId));
    }

    static String of(RevisionRecord e) {
        return HexFormat.of().formatHex(PersonPseudonym.sha256(canonical(e)));
    }

    static String canonical(RevisionRecord e) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            json.writeString(VERSION);
            json.writeString(e.getPrevHash());
            json.writeString(e.getId());
            json.writeString(e.getRealmId());
            json.writeString(e.getChainId());
            json.writeNumber(e.getSeq());
            json.writeNumber(e.getCreated());
            json.writeNumber(e.getEnded());
            json.writeString(e.getTransactionId());
            json.writeString(e.getSessionId());
            json.writeString(e.getClientId());
            json.writeString(e.getEvents());
            json.writeEndArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }
}
