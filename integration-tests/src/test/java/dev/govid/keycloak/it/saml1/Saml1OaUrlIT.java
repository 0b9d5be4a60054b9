package dev.govid.keycloak.it.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, "SAML1 open redirect that hands out the artifact": the OA URL is matched against the registered
 * prefixes by parsed URL (scheme, host, port equal; whole path segments), never by string prefix. Every trick
 * ends on the MOA-ID 1000 page with HTTP 400 — no redirect, so no artifact leaves Keycloak.
 */
class Saml1OaUrlIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    /** A valid https prefix without a trailing slash: the origin and every path under it. */
    private static final String HTTPS_NO_SLASH = "https://acc-app.example";
    /** The prefix of the issue, stored although saving it is refused (partial import does not validate). */
    private static final String LEGACY_HTTP = "http://acc-legacy.example";

    private static KeycloakServer keycloak;
    private static String protocolUrl;
    private static String oaPrefix;

    @BeforeAll
    static void registerApplications() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        protocolUrl = keycloak.realmUrl(REALM) + "/protocol/govid-moa-saml1";
        oaPrefix = SharedKeycloak.appUrl() + "/oa-urls/";
        create("moa-oa-urls", oaPrefix);
        create("moa-oa-https-no-slash", HTTPS_NO_SLASH);
        String legacy = """
                {"clientId":"moa-oa-legacy-http","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF"}}
                """.formatted(LEGACY_HTTP);
        delete("moa-oa-legacy-http");
        keycloak.admin().postJson("/" + REALM + "/partialImport", Json.parse("""
                {"ifResourceExists":"OVERWRITE","clients":[%s]}""".formatted(legacy)));
    }

    private static void create(String clientId, String prefix) {
        delete(clientId);
        keycloak.admin().createClient(REALM, Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF"}}
                """.formatted(clientId, prefix)));
    }

    private static void delete(String clientId) {
        keycloak.admin().getJson("/" + REALM + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + REALM + "/clients/" + existing.path("id").asText()));
    }

    private static Page start(String oa) {
        return new Browser()
                .getOnce(Urls.withQuery(protocolUrl + "/StartAuthentication", Map.of("Target", "BF", "OA", oa)));
    }

    static List<String> tricks() {
        String app = SharedKeycloak.appUrl();
        return List.of(
                // the issue's bypasses with a prefix without trailing slash
                HTTPS_NO_SLASH + "@evil.example/x",
                HTTPS_NO_SLASH + ".evil.example/x",
                HTTPS_NO_SLASH + "0/x",
                HTTPS_NO_SLASH + ":443@evil.example/x",
                "http://acc-app.example/x",
                // the same against the stored plain-http prefix: it is not a valid prefix, so it matches nothing
                LEGACY_HTTP + "@evil.example/x",
                LEGACY_HTTP + ".evil.example/x",
                LEGACY_HTTP + "0/x",
                LEGACY_HTTP + "/x",
                // dot segments against a prefix with a path, raw and encoded
                app + "/oa-urls/../evil",
                app + "/oa-urls/%2e%2e/evil",
                app + "/oa-urls/%2E%2E/evil",
                app + "/oa-urls/.%2e/evil",
                app + "/oa-urls/..;/evil",
                app + "/oa-urls/%252e%252e/evil",
                app + "/oa-urls/..%2fevil",
                app + "/oa-urls/x/../../evil",
                // backslashes, control characters, other schemes, segment boundary
                app + "/oa-urls\\..\\evil",
                app.replace("http://", "http:\\\\") + "/oa-urls/x",
                app + "/oa-urls/%0d%0aLocation:%20https://evil.example",
                app + "/oa-urls/x\r\nLocation: https://evil.example",
                app + "/oa-urlsX/x",
                app + "/oa-urls",
                app + "//evil.example/oa-urls/",
                app + "/oa-urls/x#fragment",
                "javascript:alert(1)//" + app + "/oa-urls/",
                "data:text/html," + app + "/oa-urls/",
                app.replace("http://", "HTTP://user:pw@") + "/oa-urls/x");
    }

    @ParameterizedTest
    @MethodSource("tricks")
    void everyTrickIsRefusedWithMoaId1000AndNoRedirect(String oa) {
        Page page = start(oa);
        assertThat(page.isRedirect()).as("no redirect for %s", oa).isFalse();
        assertThat(page.status()).as(oa).isEqualTo(400);
        assertThat(page.text()).as(oa).contains("1000");
        assertThat(page.body()).doesNotContain("SAMLArtifact");
    }

    @Test
    void registeredUrlsStillStartTheLogin() {
        for (String oa : List.of(
                oaPrefix + "app",
                oaPrefix,
                oaPrefix + "a/b?x=1",
                oaPrefix.replace("127.0.0.1", "127.0.0.1") + "%61pp",
                HTTPS_NO_SLASH + "/x",
                HTTPS_NO_SLASH + ":443/x",
                "HTTPS://ACC-APP.EXAMPLE/x")) {
            Page page = start(oa);
            assertThat(page.status()).as(oa).isNotEqualTo(400);
            assertThat(page.text()).as(oa).doesNotContain("MOA-ID 1000");
        }
    }

    @Test
    void savingAPrefixThatIsNotAnHttpsUrlIsRefused() {
        for (String prefix : List.of(
                LEGACY_HTTP,
                "https://acc-app.example/oa/?x=1",
                "https://user@acc-app.example/",
                "https://acc-app.example/oa/../",
                "acc-app.example/oa/",
                "https://*.example/")) {
            assertThatThrownBy(() -> create("moa-oa-refused", prefix))
                    .as(prefix)
                    .isInstanceOfSatisfying(AdminApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.body()).contains("moa.oaUrlPrefixes");
                    });
        }
        assertThat(keycloak.admin().getJson("/" + REALM + "/clients?clientId=moa-oa-refused"))
                .isEmpty();
    }

    @Test
    void updatingToABadPrefixIsRefusedAndKeepsTheOldOne() {
        String id = keycloak.admin()
                .getJson("/" + REALM + "/clients?clientId=moa-oa-urls")
                .get(0)
                .path("id")
                .asText();
        var representation = (com.fasterxml.jackson.databind.node.ObjectNode)
                keycloak.admin().getJson("/" + REALM + "/clients/" + id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) representation.path("attributes"))
                .put("moa.oaUrlPrefixes", "http://acc-app.example");
        assertThatThrownBy(() -> keycloak.admin().putJson("/" + REALM + "/clients/" + id, representation))
                .isInstanceOfSatisfying(
                        AdminApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(keycloak.admin()
                        .getJson("/" + REALM + "/clients/" + id)
                        .path("attributes")
                        .path("moa.oaUrlPrefixes")
                        .asText())
                .isEqualTo(oaPrefix);
    }
}
