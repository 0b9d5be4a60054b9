package dev.govid.keycloak.it.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Artifacts are resolved exactly once however many callers race for them (Keycloak's single-use store's
 * atomic remove), and not at all after the transaction timeout.
 */
class Saml1ArtifactConcurrencyIT {

    private static final int ARTIFACTS = 1000;
    private static final int CALLERS_PER_ARTIFACT = 8;

    @BeforeAll
    static void registerApplications() {
        Saml1LoginIT.registerApplication();
        String realm = SharedKeycloak.DEMO_REALM;
        String shortLived = "moa-oa-short-ttl";
        var admin = SharedKeycloak.get().admin();
        admin.getJson("/" + realm + "/clients?clientId=" + shortLived)
                .forEach(existing -> admin.delete(
                        "/" + realm + "/clients/" + existing.path("id").asText()));
        admin.createClient(realm, Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF","moa.artifactTtlSeconds":"2"}}
                """.formatted(shortLived, SharedKeycloak.appUrl() + "/short/")));
    }

    @Test
    void eachArtifactResolvesExactlyOnceUnderConcurrentCallers() throws Exception {
        List<String> artifacts = Collections.synchronizedList(new ArrayList<>());
        // The first login creates the user; concurrent first logins of one person would race for it.
        artifacts.add(Urls.queryParams(Saml1LoginIT.loginAtApplication(
                        Saml1LoginIT.start(SharedKeycloak.appUrl() + "/oa-it/first"), "anna", true))
                .get("SAMLArtifact"));
        ExecutorService browsers = Executors.newFixedThreadPool(8);
        List<Future<?>> logins = new ArrayList<>();
        for (int i = 1; i < ARTIFACTS; i++) {
            int n = i;
            logins.add(browsers.submit(() -> {
                URI redirect = Saml1LoginIT.loginAtApplication(
                        Saml1LoginIT.start(SharedKeycloak.appUrl() + "/oa-it/race" + n), "anna", true);
                artifacts.add(Urls.queryParams(redirect).get("SAMLArtifact"));
                return null;
            }));
        }
        for (Future<?> login : logins) {
            login.get(5, TimeUnit.MINUTES);
        }
        browsers.shutdown();
        assertThat(artifacts).hasSize(ARTIFACTS).doesNotHaveDuplicates();

        AtomicInteger successes = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS_PER_ARTIFACT * 2);
        List<Future<?>> calls = new ArrayList<>();
        for (String artifact : artifacts) {
            for (int c = 0; c < CALLERS_PER_ARTIFACT; c++) {
                calls.add(callers.submit(() -> {
                    String body = Saml1LoginIT.getAuthenticationData(artifact).body();
                    if (body.contains(":Success")) {
                        successes.incrementAndGet();
                    } else if (body.contains("1100")) {
                        refusals.incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> call : calls) {
            call.get(5, TimeUnit.MINUTES);
        }
        callers.shutdown();
        assertThat(successes.get()).isEqualTo(ARTIFACTS);
        assertThat(refusals.get()).isEqualTo(ARTIFACTS * (CALLERS_PER_ARTIFACT - 1));
    }

    @Test
    void artifactExpiresAfterTheTransactionTimeout() throws Exception {
        String oa = SharedKeycloak.appUrl() + "/short/app";
        URI redirect = Saml1LoginIT.loginAtApplication(
                Saml1LoginIT.start(oa), "anna", false, SharedKeycloak.appUrl() + "/short/");
        String artifact = Urls.queryParams(redirect).get("SAMLArtifact");
        Thread.sleep(3500);
        assertThat(Saml1LoginIT.getAuthenticationData(artifact).body())
                .contains("1100")
                .doesNotContain(":Success");
    }
}
