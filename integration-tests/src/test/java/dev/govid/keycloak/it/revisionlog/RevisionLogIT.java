package dev.govid.keycloak.it.revisionlog;

import static dev.govid.keycloak.it.revisionlog.RevisionLogApi.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The revision log on the demo realm (where it is on): the exact event sequence of each kind of login, the
 * per-client selection, statistics, the admin endpoints with bad input, and finally a scan of everything the
 * log and the statistics hold for the personal data the logins carried.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevisionLogIT {
    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final String SECRET = "revision-log-it-secret";
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** Every personal value a login in this class carried; none may show up in log or statistics. */
    private static final Set<String> PERSONAL = new java.util.concurrent.ConcurrentSkipListSet<>(
            List.of("Erika", "Mustermann", "1964-08-12", "Anna", "Karl", "Huber"));

    private static KeycloakServer keycloak;
    private static RevisionLogApi api;

    @BeforeAll
    static void start() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        api = new RevisionLogApi(keycloak, REALM);
    }

    /** A fresh OIDC client, so its client id selects exactly this test's events. */
    static String client(Map<String, String> attributes) {
        return clientFor(keycloak, attributes);
    }

    static String clientFor(KeycloakServer keycloak, Map<String, String> attributes) {
        String clientId = "revlog-it-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime();
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","name":"Revision log IT","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                 "redirectUris":["%s/*"],"attributes":{"post.logout.redirect.uris":"+"},
                 "protocolMappers":[
                   {"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims","config":{"id.token.claim":"true"}},
                   {"name":"pvp","protocol":"openid-connect","protocolMapper":"govid-pvp-claims","config":{"id.token.claim":"true"}}]}
                """.formatted(clientId, SECRET, SharedKeycloak.appUrl()));
        ObjectNode attrs = (ObjectNode) client.get("attributes");
        attributes.forEach(attrs::put);
        keycloak.admin().createClient(REALM, client);
        return clientId;
    }

    static EidLogin login(Browser browser, String clientId) {
        return login(keycloak, browser, clientId);
    }

    static EidLogin login(KeycloakServer keycloak, Browser browser, String clientId) {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient client = new OidcClient(keycloak.realmUrl(REALM), clientId, SECRET, redirectUri);
        return new EidLogin(browser, client, redirectUri);
    }

    @Test
    @Order(1)
    void bundIdLoginWritesTheWholeSequenceInOneSession() throws Exception {
        String clientId = client(Map.of());
        JsonNode id = login(new Browser(), clientId)
                .start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims();
        PERSONAL.add(id.path("bundid").path("bpk2").asText());

        JsonNode events = api.eventsOfClient(clientId);
        assertThat(codes(events))
                .containsExactly(1100, 1102, 3000, 4000, 6300, 6301, 6302, 6304, 5002, 1000, 1002, 4001, 1101);
        String sessionId = id.path("sid").asText();
        String transactionId = events.get(0).path("value").asText();
        events.forEach(e -> {
            assertThat(e.path("sessionId").asText())
                    .as("every row names the user session")
                    .isEqualTo(sessionId);
            assertThat(e.path("transactionId").asText()).isEqualTo(transactionId);
        });
        assertThat(transactionId).startsWith(sessionId + ".");
        assertThat(value(events, 3000)).isEqualTo("OpenID Connect");
        assertThat(value(events, 1000)).isEqualTo(sessionId);
        assertThat(value(events, 1101)).isEqualTo(transactionId);
        assertThat(value(events, 1102)).isEqualTo("127.0.0.1");
        assertThat(value(events, 6300)).as("the eID system's EntityID").isNotBlank();
        assertThat(value(events, 6301)).as("the AuthnRequest ID").isNotBlank();
        JsonNode person = Json.parse(value(events, 5002));
        assertThat(person.fieldNames()).as("keyed pseudonym").toIterable().containsExactly("hmac", "kid");

        assertThat(codes(api.eventsOfSession(sessionId))).containsExactlyElementsOf(codes(events));
        assertThat(codes(api.json("/events?transactionId=" + RevisionLogApi.enc(transactionId))))
                .containsExactlyElementsOf(codes(events));
        assertThat(storedClientSession(sessionId))
                .as("the log's bookkeeping stays out of the stored client session")
                .contains("\"notes\"")
                .doesNotContain("govid.revlog");

        JsonNode statistics = api.statisticsOfClient(clientId);
        assertThat(statistics).hasSize(1);
        JsonNode record = statistics.get(0);
        assertThat(record.path("oaFriendlyName").asText()).isEqualTo("Revision log IT");
        assertThat(record.path("protocolType").asText()).isEqualTo("OpenID");
        assertThat(record.path("bkuType").asText()).isEqualTo("eID");
        assertThat(record.path("isSSOLogin").asBoolean()).isFalse();
        assertThat(record.path("isMandateLogin").asBoolean()).isFalse();
        assertThat(record.path("exceptionType").asText())
                .as("no exception on success")
                .isEmpty();
        assertThat(api.verify().path("valid").asBoolean())
                .as("chain: %s", api.verify())
                .isTrue();
    }

    @Test
    @Order(2)
    void ssoLoginIsANewTransactionInTheSameSession() {
        String clientId = client(Map.of());
        Browser browser = new Browser();
        String sid = login(browser, clientId)
                .start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims()
                .path("sid")
                .asText();
        int before = api.eventsOfClient(clientId).size();

        dev.govid.keycloak.harness.TokenResponse secondTokens =
                login(browser, clientId).start("bundid").continueSignedIn().tokens();
        JsonNode second = secondTokens.idTokenClaims();
        assertThat(second.path("sid").asText()).isEqualTo(sid);
        JsonNode events = api.eventsOfClient(clientId);
        List<JsonNode> sso = new ArrayList<>();
        events.forEach(sso::add);
        sso = sso.subList(before, sso.size());
        assertThat(sso.stream().map(e -> e.path("code").asInt())).containsExactly(1100, 1102, 3000, 4000, 4001, 1101);
        assertThat(sso).allSatisfy(e -> assertThat(e.path("sessionId").asText()).isEqualTo(sid));
        JsonNode statistics = api.statisticsOfClient(clientId);
        assertThat(statistics).hasSize(2);
        assertThat(statistics.get(1).path("isSSOLogin").asBoolean()).isTrue();

        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        Page loggedOut = browser.get(Urls.withQuery(
                keycloak.realmUrl(REALM) + "/protocol/openid-connect/logout",
                Map.of("id_token_hint", secondTokens.idToken(), "post_logout_redirect_uri", redirectUri)));
        assertThat(loggedOut.isRedirect()).as("%s", loggedOut).isTrue();
        List<Integer> sessionCodes = codes(api.eventsOfSession(sid));
        assertThat(sessionCodes.get(sessionCodes.size() - 1))
                .as("session ended: %s", sessionCodes)
                .isEqualTo(1001);
    }

    @Test
    @Order(3)
    void failedLoginEndsTheTransactionWithAnErrorAndAFailureRecord() {
        String clientId = client(Map.of());
        EidLogin login = login(new Browser(), clientId).start("bundid").bundIdCancel();
        assertThat(login.reachedClient()).isFalse();

        JsonNode events = api.eventsOfClient(clientId);
        assertThat(codes(events)).containsExactly(1100, 1102, 3000, 4000, 6300, 6301, 6303, 1103);
        JsonNode statistics = api.statisticsOfClient(clientId);
        assertThat(statistics).hasSize(1);
        assertThat(statistics.get(0).path("exceptionType").asText()).isEqualTo("EidSystem");
        assertThat(statistics.get(0).path("exceptionCode").asText()).isNotBlank();
        assertThat(statistics.get(0).path("exceptionMessage").asText())
                .hasSizeLessThanOrEqualTo(255)
                .contains("BundID");
    }

    @Test
    @Order(4)
    void mandateLoginLogsTheMandatePseudonymised() {
        String clientId = client(Map.of(
                "govid.representation",
                "optional",
                "govid.mandate.profiles",
                "*",
                "govid.mandate.mandators",
                "natural##legal"));
        JsonNode id = login(new Browser(), clientId)
                .start("idaustria")
                .actingFor(true)
                .idAustria("anna-for-karl")
                .tokens()
                .idTokenClaims();
        PERSONAL.add(id.path("pvp").path("bpk").asText());

        JsonNode events = api.eventsOfClient(clientId);
        assertThat(codes(events))
                .containsExactly(
                        1100, 1102, 3000, 4000, 6300, 6301, 6302, 6304, 5002, 5100, 5101, 5102, 1000, 1002, 4001, 1101);
        assertThat(value(events, 5100)).isEqualTo("GeneralvollmachtBilateral");
        assertThat(value(events, 5101)).isEqualTo("nat");
        assertThat(Json.parse(value(events, 5102)).fieldNames()).toIterable().containsExactly("hmac", "kid");
        JsonNode record = api.statisticsOfClient(clientId).get(0);
        assertThat(record.path("isMandateLogin").asBoolean()).isTrue();
        assertThat(record.path("mandateType").asText()).isEqualTo("GeneralvollmachtBilateral");
        assertThat(record.path("mandatorType").asText()).isEqualTo("nat");
        assertThat(record.path("bkuType").asText()).isEqualTo("ID Austria");
    }

    @Test
    @Order(5)
    void saml1LoginStartsWithStartAuthentication() {
        String clientId = "revlog-saml1-" + System.nanoTime();
        String oaPrefix = SharedKeycloak.appUrl() + "/" + clientId + "/";
        keycloak.admin().createClient(REALM, Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,"redirectUris":["%s*"],
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF",
                   "moa.friendlyName":"Revisionslog-Test","govid.representation":"off"}}
                """.formatted(clientId, oaPrefix, oaPrefix)));
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(oaPrefix);
        Page page = browser.get(Urls.withQuery(
                keycloak.realmUrl(REALM) + "/protocol/govid-moa-saml1/StartAuthentication",
                Map.of("Target", "BF", "OA", oaPrefix, "kc_idp_hint", "idaustria")));
        Page idp = browser.followAutoPost(page);
        Page back = browser.submitForm(
                idp,
                "form[action$=/pvp/login]",
                Map.of("persona", "anna", "loa", "high", "fault", "none"),
                "action=login");
        Page redirect = browser.followAutoPost(back);
        assertThat(redirect.isRedirect()).as("%s", redirect).isTrue();
        assertThat(Urls.queryParams(redirect.location())).containsKey("SAMLArtifact");

        JsonNode events = api.eventsOfClient(clientId);
        assertThat(codes(events))
                .containsExactly(1100, 1102, 3000, 4000, 3300, 6300, 6301, 6302, 6304, 5002, 1000, 1002, 4001, 1101);
        assertThat(value(events, 3000)).isEqualTo("SAML1");
        JsonNode record = api.statisticsOfClient(clientId).get(0);
        assertThat(record.path("protocolType").asText()).isEqualTo("SAML1");
        assertThat(record.path("oaTarget").asText()).isEqualTo("BF");
        assertThat(record.path("oaFriendlyName").asText()).isEqualTo("Revisionslog-Test");
        assertThat(record.path("oaUrlPrefix").asText()).isEqualTo(oaPrefix);
    }

    @Test
    @Order(6)
    void clientsChooseTheirOptionalEventsBaseEventsStay() {
        String none = client(Map.of("govid.revisionlog.events", "none"));
        String eidOnly = client(Map.of("govid.revisionlog.events", "6300,6301"));
        login(new Browser(), none).start("bundid").bundId("erika", "eID").tokens();
        login(new Browser(), eidOnly).start("bundid").bundId("erika", "eID").tokens();

        assertThat(codes(api.eventsOfClient(none))).containsExactly(1100, 1102, 1000, 1002, 1101);
        assertThat(codes(api.eventsOfClient(eidOnly))).containsExactly(1100, 1102, 6300, 6301, 1000, 1002, 1101);
    }

    @Test
    @Order(6)
    void adminsSeeAndChangeEachClientsSelection() {
        String clientId = client(Map.of());
        String path = "/settings/clients/" + RevisionLogApi.enc(clientId);
        JsonNode own = api.json(path);
        assertThat(own.hasNonNull("events"))
                .as("no own list: the realm's applies")
                .isFalse();
        assertThat(own.path("effective").size())
                .isEqualTo(api.json("/settings").path("codes").size());

        HttpResponse<String> changed = api.put(path, "{\"events\":\"6300, 6303\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Json.parse(changed.body()).path("effective").toString())
                .isEqualTo("[1000,1001,1002,1003,1100,1101,1102,1103,6300,6303]");
        assertThat(api.json("/settings").path("clients").path(clientId).asText())
                .isEqualTo("6300, 6303");

        assertThat(api.put(path, "{\"events\":null}").statusCode()).isEqualTo(200);
        assertThat(api.json("/settings").path("clients").has(clientId)).isFalse();
        assertThat(api.put(path, "{\"events\":\"<script>\"}").statusCode()).isEqualTo(400);
        assertThat(api.put(path, "{}").statusCode()).isEqualTo(400);
        assertThat(api.put("/settings/clients/no-such-client", "{\"events\":\"none\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(path, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void endpointsRefuseBadInputAndStrangers() {
        assertThat(api.get("/events?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(api.get("/events?max=0").statusCode()).isEqualTo(400);
        assertThat(api.get("/events?sessionId=" + "x".repeat(300)).statusCode()).isEqualTo(400);
        assertThat(api.get("/events/export?format=xml").statusCode()).isEqualTo(400);
        assertThat(api.get("/events?sessionId=" + RevisionLogApi.enc("' or 1=1 --"))
                        .body())
                .isEqualTo("[]");
        assertThat(api.get("/verify", null).statusCode()).isEqualTo(401);
        HttpResponse<String> settings =
                api.send(java.net.http.HttpRequest.newBuilder(URI.create(api.base() + "/settings"))
                        .header("Authorization", "Bearer " + keycloak.adminToken())
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":\"<script>\"}"))
                        .build());
        assertThat(settings.statusCode()).isEqualTo(400);
        assertThat(api.json("/settings").path("enabled").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void exportsAreJsonLinesAndCsv() {
        HttpResponse<String> jsonl = api.get("/events/export?format=jsonl");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        jsonl.body().lines().forEach(line -> assertThat(Json.parse(line).has("hash"))
                .isTrue());
        HttpResponse<String> csv = api.get("/events/export?format=csv");
        assertThat(csv.body())
                .startsWith("time,code,value,transactionId,sessionId,clientId,chainId,seq,prevHash,hash\r\n");
        assertThat(csv.body().lines().count()).isGreaterThan(10);
        HttpResponse<String> stats = api.get("/statistics/export?format=csv");
        assertThat(stats.body()).startsWith("time,oaId,oaUrlPrefix,oaFriendlyName,isBusinessService");
    }

    /** Last: everything the earlier logins left — database exports and the plain-text log lines — holds no personal data. */
    @Test
    @Order(99)
    void noPersonalDataInLogOrStatistics() throws Exception {
        List<String> stored = List.of(
                api.get("/events/export?format=jsonl").body(),
                api.get("/events/export?format=csv").body(),
                api.get("/statistics/export?format=jsonl").body(),
                api.get("/statistics/export?format=csv").body());
        List<String> plainLines = Files.readAllLines(SharedKeycloak.revisionLogFile(), StandardCharsets.UTF_8);
        assertThat(plainLines)
                .as("plain-text copy in its own file, MOA-ID's layout")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .matches(" INFO \\| \\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\| .+ \\| \\d{4} \\| .*"));
        assertThat(plainLines).anySatisfy(line -> assertThat(line).contains("| 5002 | "));
        assertThat(Files.readString(keycloak.logFile()))
                .as("kept out of the main log")
                .doesNotContain("[govid.revisionlog]");
        for (String personal : PERSONAL) {
            if (personal.isBlank()) {
                continue;
            }
            for (String text : stored) {
                assertThat(text).as("stored log/statistics").doesNotContain(personal);
            }
            assertThat(String.join("\n", plainLines))
                    .as("plain-text revision log")
                    .doesNotContain(personal);
        }
        assertThat(PERSONAL).as("bPKs of the logins joined the scan").hasSizeGreaterThan(6);
        assertThat(api.verify().path("valid").asBoolean())
                .as("%s", api.verify())
                .isTrue();
    }

    /** Keycloak's persisted client session (persistent user sessions), as stored in its database. */
    private static String storedClientSession(String userSessionId) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.sql.Connection db = KeycloakDatabase.connect();
                    java.sql.PreparedStatement query =
                            db.prepareStatement("select DATA from OFFLINE_CLIENT_SESSION where USER_SESSION_ID = ?")) {
                query.setString(1, userSessionId);
                try (java.sql.ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return row.getString(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no stored client session for user session " + userSessionId);
    }

    static String value(JsonNode events, int code) {
        for (JsonNode e : events) {
            if (e.path("code").asInt() == code) {
                return e.path("value").asText(null);
            }
        }
        throw new AssertionError("no event " + code + " in " + events);
    }
}
