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
        Page form = browser.get(client.newAuthorizationRequest("openid", Map.of()).url());
        Page result = browser.submitForm(form, "#kc-form-login", Map.of("username", "alice", "password", "alice-pw"));
        assertThat(result.isRedirect() && result.location().toString().startsWith(redirectUri)).as("%s", result).isTrue();
    }

    @Test
    @Order(1)
    void passwordLoginsHaveTheBaseSequence() {
        assertThat(RevisionLogApi.codes(api.json("/events?max=8"))).containsExactly(1100, 1102, 3000, 4000, 1000, 1002, 4001, 1101);
    }

    @Test
    @Order(2)
    void editedRecordIsDetected() throws Exception {
        try (Connection db = KeycloakDatabase.connect()) {
            String original = eventsAt(db, 2);
            assertThat(original).contains("127.0.0.1");
            update(db, "update GOVID_REVISION_RECORD set EVENTS = ? where CHAIN_ID = ? and SEQ = ?", original.replace("127.0.0.1", "10.9.8.7"), chainId, 2L);
            assertThat(problems()).contains("seq 2: content does not match its hash (edited record)");
            assertThat(api.json("/events").toString()).as("what the log now shows").contains("10.9.8.7");
            update(db, "update GOVID_REVISION_RECORD set EVENTS = ? where CHAIN_ID = ? and SEQ = ?", original, chainId, 2L);
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
                assertThat(problems()).as("after deleting seq %d", seq)
                        .containsAnyOf("seq 2 to 2 missing (deleted records)",
                                "chain head is at seq " + last + " but the last record is seq " + (last - 1) + " (newest records deleted)");
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

    /** Last, since it removes records: the first login's record made a year old, retention of 30 days removes exactly it. */
    @Test
    @Order(99)
    void retentionRemovesOldRecordsAndTheRestStillVerifies() throws Exception {
        try (Connection db = KeycloakDatabase.connect()) {
            update(db, "update GOVID_REVISION_RECORD set CREATED = CREATED - 31536000000, ENDED = ENDED - 31536000000 where CHAIN_ID = ? and SEQ = 1", chainId);
        }
        // The record is now edited (its times are hashed), but retention removes exactly it.
        keycloak.admin().putJson("/" + REALM + "/govid-revision-log/settings", Json.parse("{\"retentionDays\":30}"));
        assertThat(keycloak.admin().postJson("/" + REALM + "/govid-revision-log/retention", Json.object())).isEmpty();
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("records").asInt()).isEqualTo(2);
        assertThat(report.path("chains").get(0).path("firstSeq").asInt()).isEqualTo(2);
        keycloak.admin().putJson("/" + REALM + "/govid-revision-log/settings", Json.parse("{\"retentionDays\":null}"));
        assertThat(api.json("/settings").path("retentionDays").isNull() || api.json("/settings").path("retentionDays").isMissingNode()).isTrue();
    }

    private static String problems() {
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean()).as("verify must fail: %s", report).isFalse();
        return Json.write(report);
    }

    private static String eventsAt(Connection db, long seq) throws Exception {
        return (String) row(db, seq).get("EVENTS");
    }

    private static long lastSeq(Connection db) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select max(SEQ) from GOVID_REVISION_RECORD where CHAIN_ID = ?")) {
            s.setString(1, chainId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Map<String, Object> row(Connection db, long seq) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select * from GOVID_REVISION_RECORD where CHAIN_ID = ? and SEQ = ? and REALM_ID = ?")) {
            s.setString(1, chainId);
            s.setLong(2, seq);
            s.setString(3, realmId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("row %d", seq).isTrue();
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.put(r.getMetaData().getColumnName(i), value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value);
                }
                return row;
            }
        }
    }

    private static void insert(Connection db, Map<String, Object> row) throws Exception {
        String columns = String.join(",", row.keySet());
        String marks = String.join(",", java.util.Collections.nCopies(row.size(), "?"));
        try (PreparedStatement s = db.prepareStatement("insert into GOVID_REVISION_RECORD (" + columns + ") values (" + marks + ")")) {
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
