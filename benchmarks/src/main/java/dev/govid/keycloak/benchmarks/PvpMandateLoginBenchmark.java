package dev.govid.keycloak.benchmarks;

import dev.govid.keycloak.harness.Json;

/**
 * An ID Austria login on behalf of a natural person through GovID's PVP provider type (mandate attributes
 * requested, checked against the client's rules, mandate claims) versus the same login through Keycloak's
 * stock SAML broker against the same simulator. The stock broker cannot ask for mandates, so the simulator
 * treats it as lenient and sends it the same mandate attributes; it just ignores them. Both paths therefore
 * process the same responses, and the difference is GovID's own work.
 */
final class PvpMandateLoginBenchmark {

    private PvpMandateLoginBenchmark() {}

    static void run(BenchmarkEnvironment env) throws Exception {
        env.createRealm(
                "bench-pvp-govid",
                "\"govid.representation\":\"required\",\"govid.mandate.profiles\":\"GeneralvollmachtBilateral\"");
        String realmUrl = env.keycloak.realmUrl("bench-pvp-govid");
        env.keycloak.admin().createIdentityProvider("bench-pvp-govid", Json.parse("""
                {"alias":"idaustria","providerId":"govid-pvp","enabled":true,"config":{
                  "syncMode":"FORCE","pvpMetadataUrl":"%s","pvpSector":"BF","pvpLoaVocabulary":"eidas"}}
                """.formatted(
                        env.simulator.pvpMetadataUrl())));
        env.keycloak.admin().addIdentityProviderMapper("bench-pvp-govid", "idaustria", Json.parse("""
                {"name":"mail","identityProviderAlias":"idaustria","identityProviderMapper":"govid-pvp-attribute-mapper",
                 "config":{"syncMode":"INHERIT","pvp.attribute":"MAIL","pvp.required":"false","user.attribute":"email"}}"""));
        String clientId = env.keycloak
                .admin()
                .getJson("/bench-pvp-govid/clients?clientId=bench-app")
                .get(0)
                .path("id")
                .asText();
        for (String mapper : new String[] {"govid-pvp-claims", "govid-represents"}) {
            env.keycloak
                    .admin()
                    .postJson(
                            "/bench-pvp-govid/clients/" + clientId + "/protocol-mappers/models",
                            Json.parse("""
                    {"name":"%s","protocol":"openid-connect","protocolMapper":"%s","config":{"id.token.claim":"true","access.token.claim":"true"}}
                    """.formatted(mapper, mapper)));
        }
        env.simulator.trustSpMetadata(realmUrl + "/broker/idaustria/endpoint/descriptor");

        env.createRealm("bench-pvp-stock", "");
        env.createStockBroker(
                "bench-pvp-stock",
                env.simulator.pvpEntityId(),
                env.simulator.pvpSsoPostUrl(),
                "urn:oid:2.5.4.42",
                "urn:oid:1.2.40.0.10.2.1.1.261.20");
        env.simulator.addLenientSp(env.keycloak.realmUrl("bench-pvp-stock"));

        Comparison.run(
                "ID Austria mandate login benchmark",
                new BrowserLogin(
                        "stock SAML broker",
                        env.keycloak.realmUrl("bench-pvp-stock"),
                        "saml",
                        "bench-app",
                        BenchmarkEnvironment.SECRET,
                        env.redirectUri,
                        (browser, first) -> BrowserLogin.pvpForm(browser, first, "anna-for-karl")),
                new BrowserLogin(
                        "GovID ID Austria mandate login",
                        realmUrl,
                        "idaustria",
                        "bench-app",
                        BenchmarkEnvironment.SECRET,
                        env.redirectUri,
                        (browser, first) -> BrowserLogin.pvpForm(browser, first, "anna-for-karl")),
                BenchmarkEnvironment.target().resolve("pvp-mandate-login-benchmark.md"));
    }
}
