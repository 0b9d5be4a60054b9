package dev.govid.keycloak.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import dev.govid.keycloak.harness.BackChannelTls;
import dev.govid.keycloak.harness.ExternalDatabase;
import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakDistribution;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Ports;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One Keycloak with GovID (fresh dev database) and one in-process simulator, shared by the benchmarks of a run. */
final class BenchmarkEnvironment implements AutoCloseable {

    static final String SECRET = "bench-secret";

    final KeycloakServer keycloak;
    final Simulator simulator;
    final String redirectUri = "http://127.0.0.1:" + Ports.free() + "/callback";

    private BenchmarkEnvironment(KeycloakServer keycloak, Simulator simulator) {
        this.keycloak = keycloak;
        this.simulator = simulator;
    }

    /**
     * Keycloak on its dev-file H2 (default), or with {@code -Ddb=postgres} in production mode on a PostgreSQL
     * started here, as a deployment would run it.
     */
    static BenchmarkEnvironment start() {
        boolean postgresRequested = "postgres".equals(System.getProperty("db", "h2"));
        KeycloakDistribution distribution = KeycloakDistribution.install(
                HarnessPaths.distZip(),
                target().resolve(postgresRequested ? "keycloak-server-postgres" : "keycloak-server"));
        distribution.installProviders(HarnessPaths.providerJars());
        int simulatorPort = Ports.free();
        // DigiD's back channel is mutual TLS; Keycloak's outgoing HTTP client carries the client key (unused
        // elsewhere).
        BackChannelTls tls = BackChannelTls.create(target().resolve("tls"));
        KeycloakServer.Builder builder = KeycloakServer.builder(distribution)
                .logFile(target().resolve("keycloak.log"))
                .args(tls.keycloakArgs().toArray(String[]::new))
                // Keyed pseudonyms cost an HMAC per person event: measured like a deployment with a key.
                .env(java.util.Map.of(
                        KeycloakServer.PSEUDONYM_KEYS_ENV, dev.govid.keycloak.harness.RandomTokens.urlSafe(32)));
        if (Boolean.getBoolean("metrics")) {
            // GovID's counters and timer on Keycloak's metrics endpoint, as an operator would run it (issue 16).
            builder.args("--metrics-enabled=true");
        }
        if (postgresRequested) {
            postgres = startPostgres();
            builder.clusterNode(
                            ExternalDatabase.postgres(postgres.getPort(), "postgres", "postgres", "unused-trust-auth"),
                            0)
                    .startupTimeout(Duration.ofMinutes(5));
            System.out.printf("PostgreSQL on port %d%n", postgres.getPort());
        } else {
            builder.freshDatabase(true);
        }
        KeycloakServer keycloak = builder.start();
        Simulator simulator = Simulator.start(SimulatorConfig.builder()
                .host("127.0.0.1")
                .port(simulatorPort)
                .baseUrl("http://127.0.0.1:" + simulatorPort)
                .threads(16)
                .logRequests(false)
                .build());
        simulator.startDigidBackChannel(Ports.free(), tls.serverContext());
        System.out.printf(
                "Keycloak %s up in %d ms%n",
                HarnessPaths.keycloakVersion(), keycloak.startupTime().toMillis());
        return new BenchmarkEnvironment(keycloak, simulator);
    }

    private static EmbeddedPostgres postgres;

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    static Path target() {
        return HarnessPaths.repoDir().resolve("benchmarks/target");
    }

    /** A realm with one confidential client; {@code clientAttributes} is a JSON object body or empty. */
    void createRealm(String realm, String clientAttributes) {
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "clients":[{"clientId":"bench-app","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                   "redirectUris":["%s"],"attributes":{%s}}]}
                """.formatted(realm, SECRET, redirectUri, clientAttributes)));
    }

    /**
     * Keycloak's stock SAML broker set as close to the eID profiles as it goes: signed POST requests,
     * signature validation, encrypted assertions, transient NameID, e-mail as principal, attribute mappers
     * for names and e-mail.
     */
    void createStockBroker(
            String realm, String idpEntityId, String ssoPostUrl, String givenNameUri, String familyNameUri) {
        keycloak.admin().createIdentityProvider(realm, Json.parse("""
                {"alias":"saml","providerId":"saml","enabled":true,"config":{
                  "syncMode":"FORCE","entityId":"%s","idpEntityId":"%s","singleSignOnServiceUrl":"%s",
                  "postBindingAuthnRequest":"true","postBindingResponse":"true","wantAuthnRequestsSigned":"true",
                  "validateSignature":"true","signingCertificate":"%s","wantAssertionsEncrypted":"true",
                  "nameIDPolicyFormat":"urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                  "principalType":"ATTRIBUTE","principalAttribute":"urn:oid:0.9.2342.19200300.100.1.3",
                  "signatureAlgorithm":"RSA_SHA256"}}
                """.formatted(
                        keycloak.realmUrl(realm), idpEntityId, ssoPostUrl, signingCertificate())));
        stockMapper(realm, "firstName", givenNameUri);
        stockMapper(realm, "lastName", familyNameUri);
        stockMapper(realm, "email", "urn:oid:0.9.2342.19200300.100.1.3");
        simulator.trustSpMetadata(keycloak.realmUrl(realm) + "/broker/saml/endpoint/descriptor");
    }

    private void stockMapper(String realm, String userAttribute, String uri) {
        keycloak.admin()
                .addIdentityProviderMapper(realm, "saml", Json.parse("""
                {"name":"%s","identityProviderAlias":"saml","identityProviderMapper":"saml-user-attribute-idp-mapper",
                 "config":{"syncMode":"INHERIT","attribute.name":"%s","user.attribute":"%s"}}
                """.formatted(userAttribute, uri, userAttribute)));
    }

    private String signingCertificate() {
        try {
            return Base64.getEncoder()
                    .encodeToString(simulator.signingCertificate().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        simulator.close();
        keycloak.close();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
