package dev.govid.keycloak.revisionlog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows as JSON objects, JSON Lines and CSV (RFC 4180, cells that a spreadsheet would run as a formula are prefixed with '). */
final class RevisionLogExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> EVENT_COLUMNS = List.of(
            "time", "code", "value", "transactionId", "sessionId", "clientId", "chainId", "seq", "prevHash", "hash");
    static final List<String> STATISTIC_COLUMNS = List.of(
            "time",
            "oaId",
            "oaUrlPrefix",
            "oaFriendlyName",
            "isBusinessService",
            "oaTarget",
            "bkuType",
            "bkuUrl",
            "isSSOLogin",
            "isMandateLogin",
            "mandateType",
            "mandatorType",
            "isPV",
            "pvOid",
            "protocolType",
            "protocolSubType",
            "exceptionType",
            "exceptionCode",
            "exceptionMessage");

    private RevisionLogExport() {}

    /** A record's events, one row each, every row with the link (chain, sequence number, hashes) of its record. */
    static List<Map<String, Object>> events(RevisionRecord r) {
        return EventsJson.decode(r.getEvents(), r.getRealmId(), r.getTransactionId(), r.getSessionId(), r.getClientId())
                .stream()
                .map(e -> event(r, e))
                .toList();
    }

    static Map<String, Object> event(RevisionRecord r, PendingEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", Instant.ofEpochMilli(e.created()).toString());
        row.put("code", e.code().code());
        row.put("value", e.value());
        row.put("transactionId", e.transactionId());
        row.put("sessionId", e.sessionId());
        row.put("clientId", e.clientId());
        row.put("chainId", r.getChainId());
        row.put("seq", r.getSeq());
        row.put("prevHash", r.getPrevHash());
        row.put("hash", r.getHash());
        return row;
    }

    static Map<String, Object> statistic(LoginStatistic s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", Instant.ofEpochMilli(s.getCreated()).toString());
        row.put("oaId", s.getOaId());
        row.put("oaUrlPrefix", s.getOaUrlPrefix());
        row.put("oaFriendlyName", s.getOaFriendlyName());
        row.put("isBusinessService", s.isBusinessService());
        row.put("oaTarget", s.getOaTarget());
        row.put("bkuType", s.getBkuType());
        row.put("bkuUrl", s.getBkuUrl());
        row.put("isSSOLogin", s.isSsoLogin());
        row.put("isMandateLogin", s.isMandateLogin());
        row.put("mandateType", s.getMandateType());
        row.put("mandatorType", s.getMandatorType());
        row.put("isPV", s.isPv());
        row.put("pvOid", s.getPvOid());
        row.put("protocolType", s.getProtocolType());
        row.put("protocolSubType", s.getProtocolSubType());
        row.put("exceptionType", s.getExceptionType());
        row.put("exceptionCode", s.getExceptionCode());
        row.put("exceptionMessage", s.getExceptionMessage());
        return row;
    }

    static String csv(List<String> columns, List<Map<String, Object>> rows) {
        return written(new RowWriter(Format.CSV, columns, new StringWriter()), rows);
    }

    private static String written(RowWriter writer, List<Map<String, Object>> rows) {
        rows.forEach(writer::write);
        return writer.out.toString();
    }

    enum Format {
        JSON_LINES,
        CSV;

        /** {@code jsonl} (also when absent) or {@code csv}; anything else is refused before a byte is sent. */
        static Format of(String name) {
            if (name == null || name.equalsIgnoreCase("jsonl")) {
                return JSON_LINES;
            }
            if (name.equalsIgnoreCase("csv")) {
                return CSV;
            }
            throw new IllegalArgumentException("format must be jsonl or csv");
        }
    }

    /** Writes rows one at a time as JSON Lines, or as CSV after its header line, so an export never sits in memory. */
    static final class RowWriter {
        private final Format format;
        private final List<String> columns;
        private final Writer out;

        RowWriter(Format format, List<String> columns, Writer out) {
            this.format = format;
            this.columns = columns;
            this.out = out;
            if (format == Format.CSV) {
                append(String.join(",", columns) + "\r\n");
            }
        }

        void write(Map<String, Object> row) {
            if (format == Format.JSON_LINES) {
                try {
                    append(JSON.writeValueAsString(row) + "\n");
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(cell(row.get(columns.get(i))));
            }
            append(line.append("\r\n").toString());
        }

        private void append(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException("export interrupted", e);
            }
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
