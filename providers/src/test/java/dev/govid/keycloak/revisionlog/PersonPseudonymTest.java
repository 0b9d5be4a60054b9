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
        String input = "{\"person\":{\"givenname\":\"Erika\",\"familyname\":\"Mustermann\",\"dateofbirth\":\"1964-08-12\"},\"salt\":\"" + salt + "\"}";
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        assertThat(logged.path("hash").asText()).isEqualTo(Base64.getEncoder().encodeToString(expected));
        assertThat(logged.size()).isEqualTo(2);
    }

    @Test
    void everyEventGetsAFreshSaltAndNoPlainData() {
        String a = PersonPseudonym.of("Erika", "Mustermann", "1964-08-12");
        String b = PersonPseudonym.of("Erika", "Mustermann", "1964-08-12");
        assertThat(a).isNotEqualTo(b).doesNotContain("Erika").doesNotContain("Mustermann").doesNotContain("1964");
    }

    @Test
    void quotesAndUnicodeInNamesStayInsideTheJsonString() throws Exception {
        String salt = "s";
        JsonNode logged = JSON.readTree(PersonPseudonym.of("A\"}, \"x\":\"", "Ö", null, salt));
        String input = "{\"person\":{\"givenname\":\"A\\\"}, \\\"x\\\":\\\"\",\"familyname\":\"Ö\",\"dateofbirth\":\"\"},\"salt\":\"s\"}";
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        assertThat(logged.path("hash").asText()).isEqualTo(Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void identifiersArePseudonymisedTheSameWay() {
        String logged = PersonPseudonym.ofIdentifier("GH:abcdef+/=");
        assertThat(logged).startsWith("{\"hash\":\"").contains("\"salt\":\"").doesNotContain("abcdef");
    }
}
