package dev.govid.keycloak.benchmarks;

import dev.govid.keycloak.harness.Json;

/**
 * The BundID login with the revision log on (every event, statistics, chain, plain-text copy) versus the
 * same login with it off: two realms identical but for {@code govid.revisionlog.enabled}, one Keycloak,
 * one simulator, interleaved rounds.
 */
final class RevisionLogBenchmark {

    private RevisionLogBenchmark() {}

    static void run(BenchmarkEnvironment env) throws Exception {
        // -Dcalibrate=true leaves the log off in both realms: the ratio then shows what the setup itself contributes.
        boolean calibrate = Boolean.getBoolean("calibrate");
        realm(env, "bench-revlog-off", false);
        realm(env, "bench-revlog-on", !calibrate);
        Comparison.run(
                "Revision log benchmark (BundID login)",
                new BrowserLogin(
                        "revision log off",
                        env.keycloak.realmUrl("bench-revlog-off"),
                        "bundid",
                        "bench-app",
                        BenchmarkEnvironment.SECRET,
                        env.redirectUri,
                        BrowserLogin::bundIdForm),
                new BrowserLogin(
                        "revision log on",
                        env.keycloak.realmUrl("bench-revlog-on"),
                        "bundid",
                        "bench-app",
                        BenchmarkEnvironment.SECRET,
                        env.redirectUri,
                        BrowserLogin::bundIdForm),
                BenchmarkEnvironment.target().resolve("revisionlog-benchmark.md"),
                "revision log on / off");
    }

    private static void realm(BenchmarkEnvironment env, String realm, boolean revisionLog) {
        env.createRealm(realm, "");
        if (revisionLog) {
            env.keycloak.admin().updateRealm(realm, Json.parse("""
                    {"attributes":{"govid.revisionlog.enabled":"true","govid.revisionlog.events":"all"}}"""));
        }
        env.keycloak.admin().createIdentityProvider(realm, Json.parse("""
                {"alias":"bundid","providerId":"govid-bundid","enabled":true,"config":{
                  "syncMode":"FORCE","bundidEnvironment":"custom","bundidMetadataUrl":"%s",
                  "bundidOnlineServiceId":"BMI-BENCH","bundidOrganizationDisplayName":"Benchmark",
                  "bundidRequiredAttributes":"givenName##surname","bundidOptionalAttributes":"mail"}}
                """.formatted(env.simulator.metadataUrl())));
        env.simulator.trustSpMetadata(env.keycloak.realmUrl(realm) + "/broker/bundid/endpoint/descriptor");
    }
}
