package dev.govid.keycloak.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.govid.keycloak.harness.DemoRealmPlaceholders;
import dev.govid.keycloak.harness.ExternalDatabase;
import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.harness.KeycloakDistribution;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Ports;
import dev.govid.keycloak.harness.RandomTokens;
import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two production-mode Keycloak nodes on loopback sharing one real PostgreSQL (binaries from Maven Central, started
 * here, so no database server must be installed), clustered by Keycloak's default jdbc-ping discovery; plus the
 * simulator. Node A imports the demo realm; node B joins afterwards. Each node has its own distribution folder,
 * as two servers on two machines would.
 */
public final class TwoNodeCluster implements AutoCloseable {
    private static final String DB_USER = "postgres";
    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: .*\\((\\d+)\\) \\[");

    private final EmbeddedPostgres postgres;
    private final KeycloakServer nodeA;
    private final KeycloakServer nodeB;
    private final Simulator simulator;
    private final String appUrl;

    private TwoNodeCluster(
            EmbeddedPostgres postgres, KeycloakServer nodeA, KeycloakServer nodeB, Simulator simulator, String appUrl) {
        this.postgres = postgres;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.simulator = simulator;
        this.appUrl = appUrl;
    }

    public static TwoNodeCluster start() {
        EmbeddedPostgres postgres = startPostgres();
        ExternalDatabase database =
                ExternalDatabase.postgres(postgres.getPort(), "postgres", DB_USER, "unused-trust-auth");
        Path work = HarnessPaths.itWorkDir().resolve("cluster");
        int simulatorPort = Ports.free();
        String simulatorUrl = "http://127.0.0.1:" + simulatorPort;
        String appUrl = "http://127.0.0.1:" + Ports.free();
        String adminPassword = RandomTokens.urlSafe(18);
        int httpPortA = Ports.free();
        Map<String, String> placeholders = DemoRealmPlaceholders.of(
                "http://127.0.0.1:" + httpPortA, simulatorUrl, appUrl, RandomTokens.urlSafe(24));

        KeycloakServer nodeA = node(work.resolve("node-a"), database, adminPassword, placeholders)
                .httpPort(httpPortA)
                .realmImportDir(HarnessPaths.realmExportsDir())
                .start();
        KeycloakServer nodeB = node(work.resolve("node-b"), database, adminPassword, placeholders)
                .start();
        // Each node names itself by its own URL (hostname from the request), so the simulator trusts both.
        Simulator simulator = Simulator.start(SimulatorConfig.builder()
                .host("127.0.0.1")
                .port(simulatorPort)
                .baseUrl(simulatorUrl)
                .spMetadata(nodeA.realmUrl("govid-demo") + "/broker/idaustria/endpoint/descriptor")
                .spMetadata(nodeB.realmUrl("govid-demo") + "/broker/idaustria/endpoint/descriptor")
                .build());
        return new TwoNodeCluster(postgres, nodeA, nodeB, simulator, appUrl);
    }

    /** One key for both nodes: a person's pseudonym must not depend on the node that logged it. */
    private static final String PSEUDONYM_KEY = dev.govid.keycloak.harness.RandomTokens.urlSafe(32);

    private static KeycloakServer.Builder node(
            Path home, ExternalDatabase database, String adminPassword, Map<String, String> placeholders) {
        KeycloakDistribution distribution = KeycloakDistribution.install(HarnessPaths.distZip(), home);
        distribution.installProviders(HarnessPaths.providerJars());
        return KeycloakServer.builder(distribution)
                .clusterNode(database, 0)
                .adminPassword(adminPassword)
                .env(placeholders)
                .env(KeycloakServer.PSEUDONYM_KEYS_ENV, PSEUDONYM_KEY)
                .logFile(home.resolve("keycloak.log"))
                // the first production start of a distribution re-augments Quarkus (20-60 s on 2 busy cores)
                .startupTimeout(Duration.ofMinutes(5));
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** The members in node B's newest Infinispan cluster view, from its log (Infinispan's ISPN000094 line). */
    public int clusterSizeSeenByNodeB() {
        try {
            int size = 0;
            for (String line : Files.readAllLines(nodeB.logFile())) {
                Matcher view = CLUSTER_VIEW.matcher(line);
                if (view.find()) {
                    size = Integer.parseInt(view.group(1));
                }
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeycloakServer nodeA() {
        return nodeA;
    }

    public KeycloakServer nodeB() {
        return nodeB;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Where the realm's applications live; nothing listens there. */
    public String appUrl() {
        return appUrl;
    }

    @Override
    public void close() {
        simulator.close();
        nodeB.close();
        nodeA.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
