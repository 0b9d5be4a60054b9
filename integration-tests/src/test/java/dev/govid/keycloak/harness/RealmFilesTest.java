package dev.govid.keycloak.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RealmFilesTest {
    @Test
    void resolvesPlaceholdersLikeKeycloaksImport() {
        String json = "{\"a\":\"${URL}/*\",\"b\":\"${MISSING:fallback}\",\"c\":\"${UNKNOWN}\",\"d\":\"${QUOTE}\"}";

        String resolved = RealmFiles.resolve(json, Map.of("URL", "http://localhost:1", "QUOTE", "say \"hi\""));

        assertThat(Json.parse(resolved).path("a").asText()).isEqualTo("http://localhost:1/*");
        assertThat(Json.parse(resolved).path("b").asText()).isEqualTo("fallback");
        assertThat(Json.parse(resolved).path("c").asText()).isEqualTo("${UNKNOWN}");
        assertThat(Json.parse(resolved).path("d").asText()).isEqualTo("say \"hi\"");
    }
}
