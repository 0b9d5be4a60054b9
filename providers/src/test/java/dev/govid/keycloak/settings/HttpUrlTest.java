package dev.govid.keycloak.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTest {

    private static boolean under(String oa, String prefix) throws HttpUrl.InvalidUrlException {
        return HttpUrl.parse(oa).isUnder(HttpUrl.prefix(prefix));
    }

    @Test
    void normalisesSchemeHostDefaultPortAndUnreservedEscapes() throws Exception {
        HttpUrl u = HttpUrl.parse("HTTPS://App.Example:443/a/%7Euser/%61b%3a?x=%2e#f");
        assertThat(u.scheme()).isEqualTo("https");
        assertThat(u.host()).isEqualTo("app.example");
        assertThat(u.port()).isEqualTo(443);
        assertThat(u.path()).isEqualTo("/a/~user/ab%3A");
        assertThat(u.origin()).isEqualTo("https://app.example");
        assertThat(u.toString()).isEqualTo("https://app.example/a/~user/ab%3A?x=%2e#f");
        assertThat(HttpUrl.parse("http://localhost:8080").origin()).isEqualTo("http://localhost:8080");
        assertThat(HttpUrl.parse("http://[::1]:8080/x").host()).isEqualTo("[::1]");
    }

    @Test
    void pathsMatchOnWholeSegments() throws Exception {
        assertThat(under("https://app.example/oa/login?x=1", "https://app.example/oa/"))
                .isTrue();
        assertThat(under("https://app.example/oa/", "https://app.example/oa/")).isTrue();
        assertThat(under("https://app.example/oa", "https://app.example/oa/"))
                .as("the directory itself without /")
                .isFalse();
        assertThat(under("https://app.example/oab/x", "https://app.example/oa/"))
                .isFalse();
        assertThat(under("https://app.example/oab", "https://app.example/oa"))
                .as("prefix without slash: still a segment")
                .isFalse();
        assertThat(under("https://app.example/oa", "https://app.example/oa")).isTrue();
        assertThat(under("https://app.example/oa/x", "https://app.example/oa")).isTrue();
        assertThat(under("https://app.example/anything", "https://app.example")).isTrue();
        assertThat(under("https://app.example", "https://app.example/")).isTrue();
        assertThat(under("https://app.example/%6Fa/x", "https://app.example/oa/"))
                .as("escaped unreserved letter")
                .isTrue();
        assertThat(under("https://app.example/OA/x", "https://app.example/oa/"))
                .as("paths are case-sensitive")
                .isFalse();
    }

    @Test
    void originsMustBeEqual() throws Exception {
        assertThat(under("https://app.example:443/x", "https://app.example/")).isTrue();
        assertThat(under("https://app.example:8443/x", "https://app.example/")).isFalse();
        assertThat(under("http://app.example/x", "https://app.example/")).isFalse();
        assertThat(under("https://app.example.evil.example/x", "https://app.example"))
                .isFalse();
        assertThat(under("https://app.example0/x", "https://app.example")).isFalse();
        assertThat(under("https://evil.example/app.example/x", "https://app.example"))
                .isFalse();
    }

    /** Every trick of issue 13: none parses, so none can reach a comparison. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://acc-app.example@evil.example/x",
                "https://acc-app.example@evil.example/x",
                "https://acc-app.example:443@evil.example/x",
                "https://app.example/oa/../evil",
                "https://app.example/oa/%2e%2e/evil",
                "https://app.example/oa/%2E%2E/evil",
                "https://app.example/oa/.%2e/evil",
                "https://app.example/oa/./x",
                "https://app.example/oa/..;/evil",
                "https://app.example/oa/%2e%2e;x/evil",
                "https://app.example/oa/..",
                "https://app.example/oa/%252e%252e/evil",
                "https://app.example/oa/..%2fevil",
                "https://app.example/oa/%2F..%2Fevil",
                "https://app.example/oa/%5c..%5cevil",
                "https://app.example/oa\\..\\evil",
                "https://app.example\\@evil.example/",
                "https://app.example//evil.example/x",
                "https://app.example/oa//x",
                "https://app.example/oa/%00/x",
                "https://app.example/oa/%0d%0aSet-Cookie:x",
                "https://app.example/oa/\r\nx",
                "https://app.example/oa/\tx",
                "https://app.example/oa/ x",
                "https://app.example/oa/%zz",
                "https://app.example/oa/%2",
                "https://äpp.example/",
                "https://app.example./x",
                "https://0x7f.1/",
                "https://127.1/",
                "https://2130706433/",
                "https://app.example:0/",
                "https://app.example:65536/",
                "https://app.example:http/",
                "https:/app.example/x",
                "https:app.example/x",
                "//app.example/x",
                "/oa/x",
                "javascript:alert(1)//https://app.example/",
                "data:text/html,https://app.example/",
                "ftp://app.example/x",
                "file:///etc/passwd",
                "https:///x",
                "https://[::1/x",
                "https://app_example/x",
                "https://app.example/oa/<script>",
                "https://app.example/\"x"
            })
    void refused(String raw) {
        assertThatThrownBy(() -> HttpUrl.parse(raw))
                .isInstanceOf(HttpUrl.InvalidUrlException.class)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("evil").doesNotContain("app.example"));
    }

    @Test
    void oversizedIsRefused() {
        assertThatThrownBy(() -> HttpUrl.parse("https://app.example/" + "a".repeat(HttpUrl.MAX_LENGTH)))
                .isInstanceOf(HttpUrl.InvalidUrlException.class);
    }

    @Test
    void registeredPrefixesAreHttpsWithoutQueryOrFragment() throws Exception {
        assertThat(HttpUrl.prefix("https://app.example/oa/").path()).isEqualTo("/oa/");
        assertThat(HttpUrl.prefix("http://127.0.0.1:8082/oa/").isLoopback()).isTrue();
        assertThat(HttpUrl.prefix("http://localhost/oa/").isLoopback()).isTrue();
        for (String bad : new String[] {
            "http://acc-app.example",
            "http://acc-app.example/oa/",
            "https://app.example/oa/?x=1",
            "https://app.example/oa/#x",
            "https://user@app.example/"
        }) {
            assertThatThrownBy(() -> HttpUrl.prefix(bad)).as(bad).isInstanceOf(HttpUrl.InvalidUrlException.class);
        }
    }

    @Test
    void originsAreExact() throws Exception {
        assertThat(HttpUrl.origin("https://portal.example.gv.at/").origin()).isEqualTo("https://portal.example.gv.at");
        assertThat(HttpUrl.origin("https://portal.example.gv.at:8443").origin())
                .isEqualTo("https://portal.example.gv.at:8443");
        assertThat(HttpUrl.origin("http://localhost:8082").origin()).isEqualTo("http://localhost:8082");
        for (String bad : new String[] {
            "https://*.com",
            "https://*.example.at",
            "*",
            "http://portal.example.gv.at",
            "https://portal.example.gv.at/path",
            "https://portal.example.gv.at?x",
            "https://portal.example.gv.at#x",
            "'self'",
            "https://a.example;script-src",
            "https://user@a.example"
        }) {
            assertThatThrownBy(() -> HttpUrl.origin(bad)).as(bad).isInstanceOf(HttpUrl.InvalidUrlException.class);
        }
    }

    @Test
    void imagesAreHttpsOrServerRelative() throws Exception {
        assertThat(HttpUrl.image("https://cdn.example/logo.svg")).isEqualTo("https://cdn.example/logo.svg");
        assertThat(HttpUrl.image("/resources/logo.svg")).isEqualTo("/resources/logo.svg");
        for (String bad : new String[] {
            "javascript:alert(1)",
            "//evil.example/x.png",
            "/a/../b.png",
            "/a\\b.png",
            "http://cdn.example/logo.svg",
            "data:image/svg+xml,<svg/>",
            "/x.png\" onerror=\"alert(1)"
        }) {
            assertThatThrownBy(() -> HttpUrl.image(bad)).as(bad).isInstanceOf(HttpUrl.InvalidUrlException.class);
        }
    }

    @Test
    void linksAreHttps() throws Exception {
        assertThat(HttpUrl.link("https://help.example/faq#login").hasFragment()).isTrue();
        assertThatThrownBy(() -> HttpUrl.link("javascript:alert(1)")).isInstanceOf(HttpUrl.InvalidUrlException.class);
        assertThatThrownBy(() -> HttpUrl.link("http://help.example/")).isInstanceOf(HttpUrl.InvalidUrlException.class);
    }

    @Test
    void logValuesCannotStartANewLine() {
        assertThat(HttpUrl.forLog("https://a.example/\r\nINFO fake"))
                .doesNotContain("\r")
                .doesNotContain("\n");
        assertThat(HttpUrl.forLog("x".repeat(500))).hasSizeLessThan(210);
        assertThat(HttpUrl.forLog(null)).isEqualTo("(none)");
    }
}
