package dev.govid.keycloak.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PersonPseudonymTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hashIsSha256OverTheSeedSchemaWithTheLoggedSalt() throws Exception {
        JsonNode logged = JSON.readTree(PersonPseudonym.of("Erika", "Mustermann", "1964-08-12"));
        String salt = logged.path("salt").asText();
        String input =
                "{\"person\":{\"givenname\":\"Erika\",\"familyname\":\"Mustermann\",\"dateofbirth\":\"1964-08-12\"},\"salt\":\""
                        + salt + "\"}";
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        assertThat(logged.path("hash").asText()).isEqualTo(Base64.getEncoder().encodeToString(expected));
        assertThat(logged.size()).isEqualTo(2);
    }

    @Test
    void everyEventGetsAFreshSaltAndNoPlainData() {
        String a = PersonPseudonym.of("Erika", "Mustermann", "1964-08-12");
        String b = PersonPseudonym.of("Erika", "Mustermann", "1964-08-12");
        assertThat(a)
                .isNotEqualTo(b)
                .doesNotContain("Erika")
                .doesNotContain("Mustermann")
                .doesNotContain("1964");
    }

    @Test
    void quotesAndUnicodeInNamesStayInsideTheJsonString() throws Exception {
        String salt = "s";
        JsonNode logged = JSON.readTree(PersonPseudonym.of("A\"}, \"x\":\"", "Ö", null, salt));
        String input =
                "{\"person\":{\"givenname\":\"A\\\"}, \\\"x\\\":\\\"\",\"familyname\":\"Ö\",\"dateofbirth\":\"\"},\"salt\":\"s\"}";
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        assertThat(logged.path("hash").asText()).isEqualTo(Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void identifiersArePseudonymisedTheSameWay() {
        String logged = PersonPseudonym.ofIdentifier("GH:abcdef+/=");
        assertThat(logged).startsWith("{\"hash\":\"").contains("\"salt\":\"").doesNotContain("abcdef");
    }

    private static final String KEY = "k".repeat(16) + "0123456789abcdef0123";
    private static final String OTHER_KEY = "o".repeat(40);

    @Test
    void keyedPseudonymIsHmacSha256OverThePersonWithTheKeyId() throws Exception {
        PseudonymKeys.Key key =
                PseudonymKeys.of(java.util.List.of(KEY)).current().orElseThrow();
        JsonNode logged = JSON.readTree(PersonPseudonym.keyed(key, "Erika", "Mustermann", "1964-08-12"));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String input =
                "{\"person\":{\"givenname\":\"Erika\",\"familyname\":\"Mustermann\",\"dateofbirth\":\"1964-08-12\"}}";
        assertThat(logged.path("hmac").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8))));
        assertThat(logged.path("kid").asText()).hasSize(8).isEqualTo(key.id());
        assertThat(logged.size()).isEqualTo(2);
        assertThat(PersonPseudonym.keyed(key, "Erika", "Mustermann", "1964-08-12"))
                .as("the same person, the same value: findable")
                .isEqualTo(logged.toString());
    }

    /** Issue 13: five candidate people recomputed against the salted hashes matched all person events. */
    @Test
    void withoutTheKeyCandidatesCannotBeTested() {
        PseudonymKeys keys = PseudonymKeys.of(java.util.List.of(KEY));
        String logged = PersonPseudonym.keyed(keys.current().orElseThrow(), "Erika", "Mustermann", "1964-08-12");
        assertThat(PersonPseudonym.matchesPerson(logged, keys.all(), "Erika", "Mustermann", "1964-08-12"))
                .isTrue();
        assertThat(PersonPseudonym.matchesPerson(logged, keys.all(), "Erika", "Mustermann", "1964-08-13"))
                .isFalse();
        assertThat(PersonPseudonym.matchesPerson(logged, java.util.List.of(), "Erika", "Mustermann", "1964-08-12"))
                .as("no key")
                .isFalse();
        assertThat(PersonPseudonym.matchesPerson(
                        logged,
                        PseudonymKeys.of(java.util.List.of(OTHER_KEY)).all(),
                        "Erika",
                        "Mustermann",
                        "1964-08-12"))
                .as("a guessed key")
                .isFalse();
        assertThat(logged).doesNotContain("Erika").doesNotContain("1964");
    }

    @Test
    void rotationKeepsOlderEventsSearchable() {
        PseudonymKeys before = PseudonymKeys.of(java.util.List.of(KEY));
        PseudonymKeys after = PseudonymKeys.of(java.util.List.of(OTHER_KEY, KEY));
        String old = PersonPseudonym.keyed(before.current().orElseThrow(), "Erika", "Mustermann", "1964-08-12");
        String now = PersonPseudonym.keyed(after.current().orElseThrow(), "Erika", "Mustermann", "1964-08-12");
        assertThat(old).isNotEqualTo(now);
        assertThat(PersonPseudonym.matchesPerson(old, after.all(), "Erika", "Mustermann", "1964-08-12"))
                .isTrue();
        assertThat(PersonPseudonym.matchesPerson(now, after.all(), "Erika", "Mustermann", "1964-08-12"))
                .isTrue();
    }

    @Test
    void saltedPseudonymsStayFindableByRecomputation() {
        String salted = PersonPseudonym.of("Erika", "Mustermann", "1964-08-12");
        assertThat(PersonPseudonym.matchesPerson(salted, java.util.List.of(), "Erika", "Mustermann", "1964-08-12"))
                .isTrue();
        assertThat(PersonPseudonym.matchesPerson(salted, java.util.List.of(), "Erika", "Musterfrau", "1964-08-12"))
                .isFalse();
        String id = PersonPseudonym.ofIdentifier("GH:abc");
        assertThat(PersonPseudonym.matchesIdentifier(id, java.util.List.of(), "GH:abc"))
                .isTrue();
        PseudonymKeys keys = PseudonymKeys.of(java.util.List.of(KEY));
        assertThat(PersonPseudonym.matchesIdentifier(
                        PersonPseudonym.keyedIdentifier(keys.current().orElseThrow(), "GH:abc"), keys.all(), "GH:abc"))
                .isTrue();
        assertThat(PersonPseudonym.matchesPerson("not json", keys.all(), "a", "b", "c"))
                .isFalse();
        assertThat(PersonPseudonym.matchesPerson(null, keys.all(), "a", "b", "c"))
                .isFalse();
    }
}
