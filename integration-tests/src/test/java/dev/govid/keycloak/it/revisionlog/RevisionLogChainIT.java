package dev.govid.keycloak.it.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hash chain against someone with write access to Keycloak's database: an edited, a deleted (also the
 * newest), and a reordered row are each reported by the verify endpoint, and putting the row back makes the
 * chain whole again. Runs in a realm of its own (password logins), so the demo realm's chain stays intact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevisionLogChainIT {
    private static final String REALM = "revlog-chain-it";
    private static KeycloakServer keycloak;
    private static RevisionLogApi api;
    private static String realmId;
    private static String chainId;

    @BeforeAll
    static void realmWithSomeLogins() {
        keycloak = SharedKeycloak.get();
        if (keycloak.admin().realmExists(REALM)) {
            keycloak.admin().deleteRealm(REALM);
        }
        keycloak.admin().importRealm("""
                {"realm":"%s","enabled":true,"attributes":{"govid.revisionlog.enabled":"true"},
                 "users":[{"username":"alice","enabled":true,"email":"alice@example.org","firstName":"Alice","lastName":"Example",
                           "credentials":[{"type":"password","value":"alice-pw","temporary":false}]}],
                 "clients":[{"clientId":"chain-app","publicClient":true,"standardFlowEnabled":true,"redirectUris":["%s/*"]}]}
                """.formatted(REALM, SharedKeycloak.appUrl()));
        api = new RevisionLogApi(keycloak, REALM);
        realmId = keycloak.admin().getRealm(REALM).path("id").asText();
        for (int i = 0; i < 3; i++) {
            passwordLogin();
        }
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("records").asInt()).as("one record per login").isEqualTo(3);
        chainId = report.path("chains").get(0).path("chainId").asText();
    }

    private static void passwordLogin() {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), "chain-app", null, redirectUri);
        Page form =
                browser.get(client.newAuthorizationRequest("openid", Map.of()).url());
        Page result = browser.submitForm(form, "#kc-form-login", Map.of("username", "alice", "password", "alice-pw"));
        assertThat(result.isRedirect() && result.location().toString().startsWith(redirectUri))
                .as("%s", result)
                .isTrue();
    }

    @Test
    @Order(1)
    void passwordLoginsHaveTheBaseSequence() {
        assertThat(RevisionLogApi.codes(api.json("/events?max=8")))
                .containsExactly(1100, 1102, 3000, 4000, 1000, 1002, 4001, 1101);
    }

    @Test
    @Order(2)
    void editedRecordIsDetected() throws Exception {
        try (Connection db = KeycloakDatabase.connect()) {
            String original = eventsAt(db, 2);
            assertThat(original).contains("127.0.0.1");
            update(
                    db,
                    "update GOVID_REVISION_RECORD set EVENTS = ? where CHAIN_ID = ? and SEQ = ?",
                    original.replace("127.0.0.1", "10.9.8.7"),
                    chainId,
                    2L);
            assertThat(problems()).contains("seq 2: content does not match its hash (edited record)");
            assertThat(api.json("/events").toString())
                    .as("what the log now shows")
                    .contains("10.9.8.7");
            update(
                    db,
                    "update GOVID_REVISION_RECORD set EVENTS = ? where CHAIN_ID = ? and SEQ = ?",
                    original,
                    chainId,
                    2L);
        }
        assertThat(api.verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void deletedRecordIsDetectedAlsoTheNewest() throws Exception {
        try (Connection db = KeycloakDatabase.connect()) {
            long last = lastSeq(db);
            for (long seq : new long[] {2, last}) {
                Map<String, Object> row = row(db, seq);
                update(db, "delete from GOVID_REVISION_RECORD where CHAIN_ID = ? and SEQ = ?", chainId, seq);
                assertThat(problems())
                        .as("after deleting seq %d", seq)
                        .containsAnyOf(
                                "seq 2 to 2 missing (deleted records)",
                                "chain head is at seq " + last + " but the last record is seq " + (last - 1)
                                        + " (newest records deleted)");
                insert(db, row);
                assertThat(api.verify().path("valid").asBoolean()).isTrue();
            }
        }
    }

    @Test
    @Order(4)
    void reorderedRecordsAreDetected() throws Exception {
        try (Connection db = KeycloakDatabase.connect()) {
            swapSeq(db, 2, 3);
            assertThat(problems()).contains("seq 2: does not follow its predecessor (deleted or reordered records)");
            swapSeq(db, 2, 3);
        }
        assertThat(api.verify().path("valid").asBoolean()).isTrue();
    }

    /**
     * A chain written by an outside tool from the documented format alone (SHA-256 over the JSON array of the
     * version tag, previous hash and columns): `/verify` accepts it, and with more records than one database
     * page (500) the exports stream every one of them, in order.
     */
    @Test
    @Order(5)
    void chainsBuiltFromTheDocumentedFormatVerifyAndExportsStreamAcrossPages() throws Exception {
        int records = 620;
        String outsideChain = java.util.UUID.randomUUID().toString();
        long start = System.currentTimeMillis() - 3_600_000;
        String previous = sha256Hex("govid-revlog-v2:genesis:" + outsideChain);
        String genesis = previous;
        try (Connection db = KeycloakDatabase.connect();
                PreparedStatement insert = db.prepareStatement(
                        "insert into GOVID_REVISION_RECORD (ID, REALM_ID, CHAIN_ID, SEQ, CREATED, ENDED, "
                                + "TRANSACTION_ID, SESSION_ID, CLIENT_ID, EVENTS, PREV_HASH, HASH) values (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int seq = 1; seq <= records; seq++) {
                String id = java.util.UUID.randomUUID().toString();
                long created = start + seq;
                String tx = "outside-" + seq;
                String events = "[[" + created + ",1100,\"" + tx + "\"],[" + created + ",1103,\"" + tx + "\"]]";
                com.fasterxml.jackson.databind.node.ArrayNode canonical =
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .createArrayNode()
                                .add("govid-revlog-v2")
                                .add(previous)
                                .add(id)
                                .add(realmId)
                                .add(outsideChain)
                                .add((long) seq)
                                .add(created)
                                .add(created)
                                .add(tx)
                                .add("outside-session")
                                .add("chain-app")
                                .add(events);
                String hash = sha256Hex(canonical.toString());
                Object[] values = {
                    id,
                    realmId,
                    outsideChain,
                    (long) seq,
                    created,
                    created,
                    tx,
                    "outside-session",
                    "chain-app",
                    events,
                    previous,
                    hash
                };
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
            update(
                    db,
                    "insert into GOVID_REVISION_CHAIN (CHAIN_ID, REALM_ID, NODE_NAME, STARTED, LAST_SEQ, LAST_HASH, PRUNED_TO_SEQ, PRUNED_HASH) "
                            + "values (?,?,?,?,?,?,?,?)",
                    outsideChain,
                    realmId,
                    "outside tool",
                    start,
                    (long) records,
                    previous,
                    0L,
                    genesis);
        }
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("records").asLong()).isEqualTo(3 + records);

        JsonNode events = api.json("/events?max=100000");
        assertThat(events.size()).isEqualTo(3 * 8 + 2 * records);
        String jsonl = api.get("/events/export?format=jsonl").body();
        assertThat(jsonl.lines()
                        .map(line -> Json.parse(line).path("transactionId").asText())
                        .toList())
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(events.spliterator(), false)
                        .map(e -> e.path("transactionId").asText())
                        .toList());
        assertThat(api.get("/events/export?format=csv").body().lines().count()).isEqualTo(events.size() + 1);
        assertThat(api.get("/events/export?format=jsonl&first=1000&max=7")
                        .body()
                        .lines()
                        .map(line -> Json.parse(line).path("value").asText())
                        .toList())
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(events.spliterator(), false)
                        .skip(1000)
                        .limit(7)
                        .map(e -> e.path("value").asText())
                        .toList());
    }

    private static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A wrong password ends its attempt as a failed transaction; the next attempt in the same tab is a new one. */
    @Test
    @Order(6)
    void aWrongPasswordIsAFailedTransaction() {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), "chain-app", null, redirectUri);
        Page form =
                browser.get(client.newAuthorizationRequest("openid", Map.of()).url());
        Page again = browser.submitForm(form, "#kc-form-login", Map.of("username", "alice", "password", "wrong"));
        Page result = browser.submitForm(again, "#kc-form-login", Map.of("username", "alice", "password", "alice-pw"));
        assertThat(result.isRedirect()).as("%s", result).isTrue();
        String sessionId = Urls.queryParams(result.location()).get("session_state");
        JsonNode events = api.json("/events?sessionId=" + RevisionLogApi.enc(sessionId));
        assertThat(RevisionLogApi.codes(events))
                .containsExactly(1100, 1102, 3000, 4000, 1103, 1100, 1102, 3000, 4000, 1000, 1002, 4001, 1101);
        assertThat(events.get(0).path("transactionId").asText())
                .isNotEqualTo(events.get(5).path("transactionId").asText());
        assertThat(events.get(5).path("transactionId").asText()).endsWith(".2");
        JsonNode failure = api.json("/statistics?max=100000");
        assertThat(failure.findValuesAsText("exceptionCode")).contains("invalid_user_credentials");
    }

    /** Last, since it removes records: the first login's record made a year old, retention of 30 days removes exactly it. */
    @Test
    @Order(99)
    void retentionRemovesOldRecordsAndTheRestStillVerifies() throws Exception {
        try (Connection db = KeycloakDatabase.connect()) {
            update(
                    db,
                    "update GOVID_REVISION_RECORD set CREATED = CREATED - 31536000000, ENDED = ENDED - 31536000000 where CHAIN_ID = ? and SEQ = 1",
                    chainId);
        }
        long before = api.verify().path("records").asLong();
        // The record is now edited (its times are hashed), but retention removes exactly it.
        keycloak.admin().putJson("/" + REALM + "/govid-revision-log/settings", Json.parse("{\"retentionDays\":30}"));
        assertThat(keycloak.admin().postJson("/" + REALM + "/govid-revision-log/retention", Json.object()))
                .isEmpty();
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("records").asLong()).isEqualTo(before - 1);
        JsonNode keycloaksChain = java.util.stream.StreamSupport.stream(
                        report.path("chains").spliterator(), false)
                .filter(chain -> chain.path("chainId").asText().equals(chainId))
                .findFirst()
                .orElseThrow();
        assertThat(keycloaksChain.path("firstSeq").asInt()).isEqualTo(2);
        keycloak.admin().putJson("/" + REALM + "/govid-revision-log/settings", Json.parse("{\"retentionDays\":null}"));
        assertThat(api.json("/settings").path("retentionDays").isNull()
                        || api.json("/settings").path("retentionDays").isMissingNode())
                .isTrue();
    }

    private static String problems() {
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean())
                .as("verify must fail: %s", report)
                .isFalse();
        return Json.write(report);
    }

    private static String eventsAt(Connection db, long seq) throws Exception {
        return (String) row(db, seq).get("EVENTS");
    }

    private static long lastSeq(Connection db) throws Exception {
        try (PreparedStatement s =
                db.prepareStatement("select max(SEQ) from GOVID_REVISION_RECORD where CHAIN_ID = ?")) {
            s.setString(1, chainId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Map<String, Object> row(Connection db, long seq) throws Exception {
        try (PreparedStatement s = db.prepareStatement(
                "select * from GOVID_REVISION_RECORD where CHAIN_ID = ? and SEQ = ? and REALM_ID = ?")) {
            s.setString(1, chainId);
            s.setLong(2, seq);
            s.setString(3, realmId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("row %d", seq).isTrue();
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.put(
                            r.getMetaData().getColumnName(i),
                            value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value);
                }
                return row;
            }
        }
    }

    private static void insert(Connection db, Map<String, Object> row) throws Exception {
        String columns = String.join(",", row.keySet());
        String marks = String.join(",", java.util.Collections.nCopies(row.size(), "?"));
        try (PreparedStatement s =
                db.prepareStatement("insert into GOVID_REVISION_RECORD (" + columns + ") values (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                s.setObject(i++, value);
            }
            s.executeUpdate();
        }
    }

    private static void swapSeq(Connection db, long a, long b) throws Exception {
        update(db, "update GOVID_REVISION_RECORD set SEQ = -1 where CHAIN_ID = ? and SEQ = ?", chainId, a);
        update(db, "update GOVID_REVISION_RECORD set SEQ = ? where CHAIN_ID = ? and SEQ = ?", a, chainId, b);
        update(db, "update GOVID_REVISION_RECORD set SEQ = ? where CHAIN_ID = ? and SEQ = -1", b, chainId);
    }

    private static void update(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }
}
