package dev.govid.keycloak.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class CookieJarTest {
    private final CookieJar jar = new CookieJar();

    @Test
    void sendsSecureCookiesOverPlainHttpBecauseKeycloakMarksThemSecureAnyway() {
        jar.store(
                URI.create("http://127.0.0.1:8080/realms/demo/protocol/openid-connect/auth"),
                List.of("AUTH_SESSION_ID=abc.node; Version=1; Path=/realms/demo/; SameSite=None; Secure; HttpOnly"));

        assertThat(jar.headerFor(URI.create("http://127.0.0.1:8080/realms/demo/login-actions/authenticate")))
                .contains("AUTH_SESSION_ID=abc.node");
        assertThat(jar.headerFor(URI.create("http://127.0.0.1:8080/realms/other/x")))
                .isEmpty();
        assertThat(jar.headerFor(URI.create("http://localhost:8080/realms/demo/x")))
                .isEmpty();
    }

    @Test
    void expiredCookieDeletesTheStoredOne() {
        URI uri = URI.create("http://localhost/realms/demo/");
        jar.store(uri, List.of("KC_RESTART=xyz; Path=/realms/demo/"));
        jar.store(uri, List.of("KC_RESTART=; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Max-Age=0; Path=/realms/demo/"));

        assertThat(jar.get("KC_RESTART")).isEmpty();
    }

    @Test
    void defaultPathIsTheRequestDirectory() {
        jar.store(URI.create("http://localhost/app/callback"), List.of("s=1"));

        assertThat(jar.headerFor(URI.create("http://localhost/app/claims"))).contains("s=1");
        assertThat(jar.headerFor(URI.create("http://localhost/application"))).isEmpty();
    }
}
