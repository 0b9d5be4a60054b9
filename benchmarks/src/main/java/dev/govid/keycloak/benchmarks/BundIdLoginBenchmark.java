package dev.govid.keycloak.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakDistribution;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Ports;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;

/**
 * The full BundID login with GovID's provider type versus the same login through Keycloak's stock SAML
 * broker, against the same simulator, on the same Keycloak, in alternating rounds so drift hits both.
 * The stock broker is configured as close to the profile as it can be (signed POST requests, signature
 * validation, encrypted assertions, attribute mappers for names and e-mail); it lacks only the dialect.
 *
 * <p>System properties: {@code users} (concurrent users, default 8), {@code logins} (per path and round,
 * default 150), {@code rounds} (default 6), {@code warmup} (logins per path before measuring, default 150).
 */
public final class BundIdLoginBenchmark {

    private static final String SECRET = "bench-secret";

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("users", 8);
        int logins = Integer.getInteger("logins", 150);
        int rounds = Integer.getInteger("rounds", 6);
        int warmup = Integer.getInteger("warmup", 150);

        KeycloakDistribution distribution = KeycloakDistribution.install(HarnessPaths.distZip(),
                HarnessPaths.repoDir().resolve("benchmarks/target/keycloak-server"));
        distribution.installProviders(HarnessPaths.providerJars());
        int simulatorPort = Ports.free();
        String simulatorUrl = "http://127.0.0.1:" + simulatorPort;
        try (KeycloakServer keycloak = KeycloakServer.builder(distribution)
                .freshDatabase(true)
                .logFile(HarnessPaths.repoDir().resolve("benchmarks/target/keycloak.log"))
                .start();
             Simulator simulator = Simulator.start(SimulatorConfig.builder().host("127.0.0.1").port(simulatorPort)
                     .baseUrl(simulatorUrl).threads(16).logRequests(false).build())) {

            String redirectUri = "http://127.0.0.1:" + Ports.free() + "/callback";
            LoginPath govid = setUpGovIdRealm(keycloak, simulator, redirectUri);
            LoginPath stock = setUpStockRealm(keycloak, simulator, redirectUri);

            System.out.printf("Keycloak %s up in %d ms; warming up (%d logins per path) …%n",
                    HarnessPaths.keycloakVersion(), keycloak.startupTime().toMillis(), warmup);
            // The first login creates the user; concurrent first logins of one person would race for it.
            stock.login();
            govid.login();
            LoadRun.run(stock, users, warmup);
            LoadRun.run(govid, users, warmup);

            List<LoadRun.Result> stockRounds = new ArrayList<>();
            List<LoadRun.Result> govidRounds = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // Alternate which path goes first, so a warming JVM favours neither.
                if (round % 2 == 1) {
                    stockRounds.add(LoadRun.run(stock, users, logins));
                    govidRounds.add(LoadRun.run(govid, users, logins));
                } else {
                    govidRounds.add(LoadRun.run(govid, users, logins));
                    stockRounds.add(LoadRun.run(stock, users, logins));
                }
                System.out.printf("round %d: stock %.1f logins/s, govid %.1f logins/s%n", round,
                        stockRounds.get(round - 1).loginsPerSecond(), govidRounds.get(round - 1).loginsPerSecond());
            }
            report(users, logins, rounds, LoadRun.Result.merge(stock.name(), stockRounds),
                    LoadRun.Result.merge(govid.name(), govidRounds), roundRatios(stockRounds, govidRounds));
        }
    }

    private static LoginPath setUpGovIdRealm(KeycloakServer keycloak, Simulator simulator, String redirectUri) {
        String realm = "bench-govid";
        createRealm(keycloak, realm, redirectUri);
        keycloak.admin().createIdentityProvider(realm, Json.parse("""
                {"alias":"bundid","providerId":"govid-bundid","enabled":true,"config":{
                  "syncMode":"FORCE","bundidEnvironment":"custom","bundidMetadataUrl":"%s",
                  "bundidOnlineServiceId":"BMI-BENCH","bundidOrganizationDisplayName":"Benchmark",
                  "bundidRequiredAttributes":"givenName##surname","bundidOptionalAttributes":"mail"}}
                """.formatted(simulator.metadataUrl())));
        simulator.trustSpMetadata(keycloak.realmUrl(realm) + "/broker/bundid/endpoint/descriptor");
        return new LoginPath("govid-bundid", keycloak.realmUrl(realm), "bundid", SECRET, redirectUri);
    }

    private static LoginPath setUpStockRealm(KeycloakServer keycloak, Simulator simulator, String redirectUri) {
        String realm = "bench-stock";
        createRealm(keycloak, realm, redirectUri);
        String certificate = base64(simulator);
        keycloak.admin().createIdentityProvider(realm, Json.parse("""
                {"alias":"saml","providerId":"saml","enabled":true,"config":{
                  "syncMode":"FORCE","entityId":"%s","idpEntityId":"%s","singleSignOnServiceUrl":"%s",
                  "postBindingAuthnRequest":"true","postBindingResponse":"true","wantAuthnRequestsSigned":"true",
                  "validateSignature":"true","signingCertificate":"%s","wantAssertionsEncrypted":"true",
                  "nameIDPolicyFormat":"urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                  "principalType":"ATTRIBUTE","principalAttribute":"urn:oid:0.9.2342.19200300.100.1.3",
                  "signatureAlgorithm":"RSA_SHA256"}}
                """.formatted(keycloak.realmUrl(realm), simulator.entityId(), simulator.ssoPostUrl(), certificate)));
        addStockMapper(keycloak, realm, "firstName", "urn:oid:2.5.4.42");
        addStockMapper(keycloak, realm, "lastName", "urn:oid:2.5.4.4");
        addStockMapper(keycloak, realm, "email", "urn:oid:0.9.2342.19200300.100.1.3");
        simulator.trustSpMetadata(keycloak.realmUrl(realm) + "/broker/saml/endpoint/descriptor");
        simulator.addLenientSp(keycloak.realmUrl(realm));
        return new LoginPath("stock-saml", keycloak.realmUrl(realm), "saml", SECRET, redirectUri);
    }

    private static void createRealm(KeycloakServer keycloak, String realm, String redirectUri) {
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "clients":[{"clientId":"bench-app","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                   "redirectUris":["%s"]}]}
                """.formatted(realm, SECRET, redirectUri)));
    }

    private static void addStockMapper(KeycloakServer keycloak, String realm, String userAttribute, String oid) {
        keycloak.admin().addIdentityProviderMapper(realm, "saml", Json.parse("""
                {"name":"%s","identityProviderAlias":"saml","identityProviderMapper":"saml-user-attribute-idp-mapper",
                 "config":{"syncMode":"INHERIT","attribute.name":"%s","user.attribute":"%s"}}
                """.formatted(userAttribute, oid, userAttribute)));
    }

    private static String base64(Simulator simulator) {
        try {
            return java.util.Base64.getEncoder().encodeToString(simulator.signingCertificate().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Double> roundRatios(List<LoadRun.Result> stock, List<LoadRun.Result> govid) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < stock.size(); i++) {
            ratios.add(govid.get(i).loginsPerSecond() / stock.get(i).loginsPerSecond());
        }
        return ratios;
    }

    private static void report(int users, int logins, int rounds, LoadRun.Result stock, LoadRun.Result govid,
                               List<Double> roundRatios) throws Exception {
        double ratio = govid.loginsPerSecond() / stock.loginsPerSecond();
        List<Double> sorted = new ArrayList<>(roundRatios);
        sorted.sort(null);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        StringBuilder perRound = new StringBuilder();
        for (double r : roundRatios) {
            perRound.append(perRound.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r));
        }
        String table = String.format(Locale.ROOT, """
                BundID login benchmark (%d concurrent users, %d rounds x %d logins per path, Keycloak %s, %d cores)
                | path | logins/s | p50 ms | p95 ms |
                |---|---|---|---|
                | stock SAML broker | %.1f | %.0f | %.0f |
                | GovID BundID profile | %.1f | %.0f | %.0f |
                ratio GovID / stock throughput: %.3f (target >= 0.95); per round: %s; median of rounds: %.3f
                """, users, rounds, logins, HarnessPaths.keycloakVersion(), Runtime.getRuntime().availableProcessors(),
                stock.loginsPerSecond(), stock.percentileMillis(50), stock.percentileMillis(95),
                govid.loginsPerSecond(), govid.percentileMillis(50), govid.percentileMillis(95), ratio, perRound, median);
        System.out.println();
        System.out.println(table);
        Path out = HarnessPaths.repoDir().resolve("benchmarks/target/bundid-login-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out);
    }
}
