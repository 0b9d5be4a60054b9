package dev.govid.keycloak.selection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class FrameAncestorsTest {

    @Test
    void acceptsPlainOriginsInEverySeparatorStyle() {
        FrameAncestors a = FrameAncestors.parse("https://portal.example.gv.at##http://localhost:8082, https://*.example.org/ https://a.example:443");
        assertThat(a.origins()).containsExactly("https://portal.example.gv.at", "http://localhost:8082",
                "https://*.example.org", "https://a.example:443");
        assertThat(a.rejected()).isEmpty();
        assertThat(a.directiveValue()).isEqualTo("'self' https://portal.example.gv.at http://localhost:8082 https://*.example.org https://a.example:443");
    }

    @Test
    void nothingConfiguredMeansNoEmbedding() {
        assertThat(FrameAncestors.parse(null).allowsEmbedding()).isFalse();
        assertThat(FrameAncestors.parse("  ").allowsEmbedding()).isFalse();
        assertThat(ClientSelectionSettings.frameAncestors(null).allowsEmbedding()).isFalse();
    }

    @Test
    void dropsEverythingThatIsNotAPlainOrigin() {
        FrameAncestors a = FrameAncestors.parse("* 'self' https://ok.example https://evil.example;script-src * "
                + "https://x.example/path javascript:alert(1) data: https://*.* ftp://x.example https://x.example:0 "
                + "https://x.example:99999 'unsafe-inline' https://x.example\"");
        assertThat(a.origins()).containsExactly("https://ok.example");
        assertThat(a.rejected()).hasSize(13);
    }

    @Test
    void oversizedInputIsBounded() {
        String huge = "https://" + "a".repeat(100_000) + ".example";
        FrameAncestors a = FrameAncestors.parse(huge);
        assertThat(a.origins()).isEmpty();
        assertThat(a.rejected().get(0)).hasSizeLessThan(100);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append("https://h").append(i).append(".example ");
        }
        assertThat(FrameAncestors.parse(many.toString()).origins()).hasSize(FrameAncestors.MAX_ORIGINS);
    }

    @Test
    void duplicatesAndCaseCollapse() {
        assertThat(FrameAncestors.parse("https://A.example https://a.example/").origins()).containsExactly("https://a.example");
    }

    @Test
    void allowedFramingReplacesFrameAncestorsAndDropsXFrameOptions() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Security-Policy", "frame-src 'self'; frame-ancestors 'self'; object-src 'none';");
        headers.putSingle("X-Frame-Options", "SAMEORIGIN");
        ClientFramingHeadersProvider.allowFraming(headers, FrameAncestors.parse("https://portal.example"));
        assertThat(headers.getFirst("Content-Security-Policy").toString())
                .contains("frame-ancestors 'self' https://portal.example")
                .contains("frame-src 'self'").contains("object-src 'none'");
        assertThat(headers.get("X-Frame-Options")).isNull();
    }

    @Test
    void allowedFramingAddsADirectiveWhenTheRealmOnlySetsXFrameOptions() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("X-Frame-Options", "DENY");
        ClientFramingHeadersProvider.allowFraming(headers, FrameAncestors.parse("https://portal.example"));
        assertThat(headers.getFirst("Content-Security-Policy").toString()).contains("frame-ancestors 'self' https://portal.example");
        assertThat(headers.get("X-Frame-Options")).isNull();
    }

    @Test
    void aResponseKeycloakLeftOpenToAnyFrameIsNotNarrowed() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Security-Policy", "frame-src 'self'; object-src 'none';");
        ClientFramingHeadersProvider.allowFraming(headers, FrameAncestors.parse("https://portal.example"));
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("frame-src 'self'; object-src 'none';");

        MultivaluedMap<String, Object> skipped = new MultivaluedHashMap<>();
        ClientFramingHeadersProvider.allowFraming(skipped, FrameAncestors.parse("https://portal.example"));
        assertThat(skipped).isEmpty();
    }
}
