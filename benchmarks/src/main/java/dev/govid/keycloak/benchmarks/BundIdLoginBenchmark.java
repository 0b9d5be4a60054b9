package dev.govid.keycloak.benchmarks;

import dev.govid.keycloak.harness.Json;

/**
 * The full BundID login with GovID's provider type versus the same login through Keycloak's stock SAML
 * broker, against the same simulator on the same Keycloak. The stock broker lacks only the dialect.
 */
final class BundIdLoginBenchmark {

    private BundIdLoginBenchmark() {}

    static void run(BenchmarkEnvironment env) throws Exception {
        env.createRealm("bench-govid", "");
        env.keycloak.admin().createIdentityProvider("bench-govid", Json.parse("""
                {"alias":"bundid","providerId":"govid-bundid","enabled":true,"config":{
                  "syncMode":"FORCE","bundidEnvironment":"custom","bundidMetadataUrl":"%s",
                  "bundidOnlineServiceId":"BMI-BENCH","bundidOrganizationDisplayName":"Benchmark",
                  "bundidRequiredAttributes":"givenName##surname","bundidOptionalAttributes":"mail"}}
                """.formatted(
                        env.simulator.metadataUrl())));
        env.simulator.trustSpMetadata(env.keycloak.realmUrl("bench-govid") + "/broker/bundid/endpoint/descriptor");

        env.createRealm("bench-stock", "");
        env.createStockBroker(
                "bench-stock",
                env.simulator.entityId(),
                env.simulator.ssoPostUrl(),
                "urn:oid:2.5.4.42",
                "urn:oid:2.5.4.4");
        env.simulator.addLenientSp(env.keycloak.realmUrl("bench-stock"));

        Comparison.run(
                "BundID login benchmark",
                new BrowserLogin(
                        "stock SAML broker",
                        env.keycloak.realmUrl("bench-stock"),
                        "saml",
                        "bench-app",
                        BenchmarkEnvironment.SECRET,
                        env.redirectUri,
                        BrowserLogin::bundIdForm),
                new BrowserLogin(
                        "GovID BundID profile",
                        env.keycloak.realmUrl("bench-govid"),
                        "bundid",
                        "bench-app",
                        BenchmarkEnvironment.SECRET,
                        env.redirectUri,
                        BrowserLogin::bundIdForm),
                BenchmarkEnvironment.target().resolve("bundid-login-benchmark.md"));
    }
}
