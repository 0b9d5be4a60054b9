package dev.govid.keycloak.it.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "pseudonyms can be reversed by anyone who can read the database": with salted SHA-256 and the salt beside
 * each hash, recomputing five candidate people matched every person event. Now person events carry HMAC-SHA-256 under
 * a key that is not in the database. The attack below reads the stored record straight from Keycloak's tables and
 * fails; the auditor, who holds the key, finds the person's events — by hand and through the search endpoint.
 */
class PseudonymIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    /** The simulator's BundID personas: Erika logs in, the others are the attacker's other guesses. */
    private static final List<String[]> CANDIDATES = List.of(
            new String[] {"Erika", "Mustermann", "1964-08-12"},
            new String[] {"Max", "Mustermann", "1971-04-03"},
            new String[] {"Erika", "Musterfrau", "1964-08-12"},
            new String[] {"Anna", "Huber", "1980-02-29"},
            new String[] {"Erika", "Mustermann", "1964-08-21"});

    private static KeycloakServer keycloak;
    private static RevisionLogApi api;

    @BeforeAll
    static void start() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        api = new RevisionLogApi(keycloak, REALM);
    }

    private static String login() {
        String clientId = RevisionLogIT.clientFor(keycloak, Map.of());
        return RevisionLogIT.login(keycloak, new Browser(), clientId)
                .start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims()
                .path("sid")
                .asText();
    }

    /** What someone with read access to the database sees: the raw EVENTS column of the login's record. */
    private static String storedPersonValue(String sessionId) throws Exception {
        try (Connection db = KeycloakDatabase.connect();
                PreparedStatement query =
                        db.prepareStatement("select EVENTS from GOVID_REVISION_RECORD where SESSION_ID = ?")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                StringBuilder all = new StringBuilder();
                while (rows.next()) {
                    all.append(rows.getString(1));
                }
                String value = RevisionLogIT.value(api.eventsOfSession(sessionId), 5002);
                assertThat(all.toString())
                        .as("the database holds the value the API shows")
                        .contains(Json.parse(value)
                                .path(Json.parse(value).has("hmac") ? "hmac" : "hash")
                                .asText());
                return value;
            }
        }
    }

    private static String person(String[] p) {
        return "{\"person\":{\"givenname\":\"" + p[0] + "\",\"familyname\":\"" + p[1] + "\",\"dateofbirth\":\"" + p[2]
                + "\"}";
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDatabaseReaderCannotTellWhoseEventItIsTheKeyHolderCan() throws Exception {
        String sessionId = login();
        JsonNode logged = Json.parse(storedPersonValue(sessionId));
        assertThat(logged.fieldNames()).toIterable().containsExactly("hmac", "kid");
        String stored = logged.path("hmac").asText();

        // The attack of the issue, and what else a database reader could try: no candidate matches.
        List<String> guesses = new ArrayList<>();
        for (String[] candidate : CANDIDATES) {
            String json = person(candidate) + "}";
            guesses.add(sha256(json));
            guesses.add(sha256(person(candidate) + ",\"salt\":\"\"}"));
            for (String guessedKey : List.of(
                    "",
                    REALM,
                    SharedKeycloak.demoClientSecret(),
                    logged.path("kid").asText(),
                    "govid")) {
                guesses.add(hmac(guessedKey.isEmpty() ? " " : guessedKey, json));
            }
        }
        assertThat(guesses)
                .as("no guess without the key reproduces the pseudonym")
                .doesNotContain(stored);

        // The auditor holds the key: exactly Erika matches.
        List<String> matching = new ArrayList<>();
        for (String[] candidate : CANDIDATES) {
            if (hmac(SharedKeycloak.pseudonymKey(), person(candidate) + "}").equals(stored)) {
                matching.add(String.join(" ", candidate));
            }
        }
        assertThat(matching).containsExactly("Erika Mustermann 1964-08-12");

        // … and so does the search endpoint, which uses the realm's keys.
        JsonNode found = Json.parse(api.post(
                        "/persons/search",
                        "{\"givenName\":\"Erika\",\"familyName\":\"Mustermann\",\"dateOfBirth\":\"1964-08-12\"}")
                .body());
        assertThat(found.findValuesAsText("sessionId")).contains(sessionId);
        assertThat(found.findValuesAsText("code"))
                .isNotEmpty()
                .allMatch(code -> code.equals("5002") || code.equals("5102"));
        JsonNode nobody = Json.parse(api.post(
                        "/persons/search",
                        "{\"givenName\":\"Max\",\"familyName\":\"Mustermann\",\"dateOfBirth\":\"1971-04-03\"}")
                .body());
        assertThat(nobody.findValuesAsText("sessionId")).doesNotContain(sessionId);
        assertThat(api.post("/persons/search", "{\"givenName\":\"Erika\",\"identifier\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);

        JsonNode settings = api.json("/settings");
        assertThat(settings.path("pseudonyms").asText()).isEqualTo("hmac");
        assertThat(settings.path("pseudonymKeyIds").get(0).asText())
                .as("the key id, never the key")
                .isEqualTo(logged.path("kid").asText());
        assertThat(settings.toString()).doesNotContain(SharedKeycloak.pseudonymKey());
    }

    /** MOA-ID's scheme stays available, with its known weakness: whoever can guess the person can confirm it. */
    @Test
    void moaIdsSaltedSchemeCanBeChosenForCompatibility() throws Exception {
        assertThat(api.put("/settings", "{\"pseudonyms\":\"salted-sha256\"}").statusCode())
                .isEqualTo(200);
        try {
            String sessionId = login();
            JsonNode logged = Json.parse(storedPersonValue(sessionId));
            assertThat(logged.fieldNames()).toIterable().containsExactly("hash", "salt");
            String recomputed = sha256(person(CANDIDATES.get(0)) + ",\"salt\":\""
                    + logged.path("salt").asText() + "\"}");
            assertThat(recomputed)
                    .as("MOA-ID's scheme: reversible by guessing")
                    .isEqualTo(logged.path("hash").asText());
            JsonNode found = Json.parse(api.post(
                            "/persons/search",
                            "{\"givenName\":\"Erika\",\"familyName\":\"Mustermann\",\"dateOfBirth\":\"1964-08-12\"}")
                    .body());
            assertThat(found.findValuesAsText("sessionId")).contains(sessionId);
        } finally {
            assertThat(api.put("/settings", "{\"pseudonyms\":\"hmac\"}").statusCode())
                    .isEqualTo(200);
        }
        assertThat(api.put("/settings", "{\"pseudonyms\":\"md5\"}").statusCode())
                .isEqualTo(400);
    }
}
