package dev.govid.keycloak.benchmarks;

import dev.govid.keycloak.harness.Json;

/**
 * Single sign-on into a second application: with GovID, the second application has per-application rules
 * (representation, offered eIDs), so every SSO login runs the enforcement point (required action
 * {@code govid-client-rules}: the session's login model read and judged, the client session marked); the stock path
 * is a plain Keycloak client in a realm where GovID's required action is switched off, after a stock SAML broker
 * login. Neither second client maps extra claims, so the tokens are alike.
 */
final class SsoBenchmark {

    private static final String SECOND = "bench-app-2";

    private SsoBenchmark() {}

    static void run(BenchmarkEnvironment env) throws Exception {
        String govid = "bench-sso-govid";
        env.createRealm(govid, "");
        env.keycloak.admin().createIdentityProvider(govid, Json.parse("""
                {"alias":"bundid","providerId":"govid-bundid","enabled":true,"config":{
                  "syncMode":"FORCE","bundidEnvironment":"custom","bundidMetadataUrl":"%s",
                  "bundidOnlineServiceId":"BMI-BENCH","bundidOrganizationDisplayName":"Benchmark",
                  "bundidRequiredAttributes":"givenName##surname","bundidOptionalAttributes":"mail"}}
                """.formatted(env.simulator.metadataUrl())));
        env.simulator.trustSpMetadata(env.keycloak.realmUrl(govid) + "/broker/bundid/endpoint/descriptor");
        env.keycloak.admin().createClient(govid, Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s"],
                 "attributes":{"govid.representation":"optional","govid.mandate.profiles":"*","govid.selection.eids":"bundid"}}
                """.formatted(
                        SECOND, BenchmarkEnvironment.SECRET, env.redirectUri)));

        String stock = "bench-sso-stock";
        env.createRealm(stock, "");
        env.createStockBroker(
                stock, env.simulator.entityId(), env.simulator.ssoPostUrl(), "urn:oid:2.5.4.42", "urn:oid:2.5.4.4");
        env.simulator.addLenientSp(env.keycloak.realmUrl(stock));
        env.keycloak.admin().createClient(stock, Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s"]}
                """.formatted(
                        SECOND, BenchmarkEnvironment.SECRET, env.redirectUri)));
        env.keycloak
                .admin()
                .putJson("/" + stock + "/authentication/required-actions/govid-client-rules", Json.parse("""
                {"alias":"govid-client-rules","name":"GovID: per-application rules","providerId":"govid-client-rules",
                 "enabled":false,"defaultAction":false,"priority":5,"config":{}}
                """));

        Comparison.run(
                "SSO benchmark (second application)",
                new SsoLogin(
                        "stock Keycloak client",
                        new BrowserLogin(
                                "stock SAML broker",
                                env.keycloak.realmUrl(stock),
                                "saml",
                                "bench-app",
                                BenchmarkEnvironment.SECRET,
                                env.redirectUri,
                                BrowserLogin::bundIdForm),
                        SECOND),
                new SsoLogin(
                        "GovID per-application rules",
                        new BrowserLogin(
                                "GovID BundID profile",
                                env.keycloak.realmUrl(govid),
                                "bundid",
                                "bench-app",
                                BenchmarkEnvironment.SECRET,
                                env.redirectUri,
                                BrowserLogin::bundIdForm),
                        SECOND),
                BenchmarkEnvironment.target().resolve("sso-benchmark.md"));
    }
}
