package dev.govid.keycloak.selection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class FrameAncestorsTest {

    @Test
    void acceptsExactOriginsInEverySeparatorStyle() {
        FrameAncestors a = FrameAncestors.parse(
                "https://portal.example.gv.at##http://localhost:8082, https://b.example.org/ https://a.example:8443 http://127.0.0.1:9000");
        assertThat(a.origins())
                .containsExactly(
                        "https://portal.example.gv.at",
                        "http://localhost:8082",
                        "https://b.example.org",
                        "https://a.example:8443",
                        "http://127.0.0.1:9000");
        assertThat(a.problems()).isEmpty();
        assertThat(a.directiveValue())
                .isEqualTo(
                        "'self' https://portal.example.gv.at http://localhost:8082 https://b.example.org https://a.example:8443 http://127.0.0.1:9000");
    }

    @Test
    void nothingConfiguredMeansNoEmbedding() {
        assertThat(FrameAncestors.parse(null).allowsEmbedding()).isFalse();
        assertThat(FrameAncestors.parse("  ").allowsEmbedding()).isFalse();
        assertThat(ClientSelectionSettings.frameAncestors(null).allowsEmbedding())
                .isFalse();
    }

    /** Issue 13: {@code https://*.com} widened framing to every .com site; plain http was accepted for any host. */
    @Test
    void wildcardsAndPlainHttpAreNotOrigins() {
        FrameAncestors a = FrameAncestors.parse("https://*.com https://*.example.at http://portal.example.gv.at *");
        assertThat(a.origins()).isEmpty();
        assertThat(a.allowsEmbedding()).isFalse();
        assertThat(a.problems()).anyMatch(p -> p.contains("wildcard")).anyMatch(p -> p.contains("https"));
    }

    @Test
    void dropsEverythingThatIsNotAnExactOrigin() {
        FrameAncestors a = FrameAncestors.parse("* 'self' https://ok.example https://evil.example;script-src * "
                + "https://x.example/path javascript:alert(1) data: https://*.* ftp://x.example https://x.example:0 "
                + "https://x.example:99999 'unsafe-inline' https://x.example\" https://user@x.example https://x.example?q "
                + "https://x.example# https://0x7f.1");
        assertThat(a.origins()).containsExactly("https://ok.example");
        assertThat(a.problems()).isNotEmpty().allMatch(p -> !p.contains("evil"));
    }

    @Test
    void oversizedInputIsBounded() {
        String huge = "https://" + "a".repeat(100_000) + ".example";
        FrameAncestors a = FrameAncestors.parse(huge);
        assertThat(a.origins()).isEmpty();
        assertThat(a.problems()).hasSize(1).allMatch(p -> p.length() < 200);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append("https://h").append(i).append(".example ");
        }
        assertThat(FrameAncestors.parse(many.toString()).origins()).hasSize(FrameAncestors.MAX_ORIGINS);
    }

    @Test
    void duplicatesCaseAndDefaultPortsCollapse() {
        assertThat(FrameAncestors.parse("https://A.example https://a.example/ https://a.example:443")
                        .origins())
                .containsExactly("https://a.example");
    }

    @Test
    void allowedFramingReplacesFrameAncestorsAndDropsXFrameOptions() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Security-Policy", "frame-src 'self'; frame-ancestors 'self'; object-src 'none';");
        headers.putSingle("X-Frame-Options", "SAMEORIGIN");
        ClientFramingHeadersProvider.allowFraming(headers, FrameAncestors.parse("https://portal.example"));
        assertThat(headers.getFirst("Content-Security-Policy").toString())
                .contains("frame-ancestors 'self' https://portal.example")
                .contains("frame-src 'self'")
                .contains("object-src 'none'");
        assertThat(headers.get("X-Frame-Options")).isNull();
    }

    @Test
    void allowedFramingAddsADirectiveWhenTheRealmOnlySetsXFrameOptions() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("X-Frame-Options", "DENY");
        ClientFramingHeadersProvider.allowFraming(headers, FrameAncestors.parse("https://portal.example"));
        assertThat(headers.getFirst("Content-Security-Policy").toString())
                .contains("frame-ancestors 'self' https://portal.example");
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
