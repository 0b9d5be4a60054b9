package dev.govid.keycloak.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.govid.keycloak.harness.BackChannelTls;
import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.harness.KeycloakDistribution;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Ports;
import dev.govid.keycloak.harness.SimulatorProcess;

/**
 * What {@code bin/demo} runs: simulator, Keycloak with our jars and the demo realm, and a tiny OIDC
 * application, all on localhost, until Ctrl-C. Configured by environment variables (see {@link DemoSettings}).
 */
public final class DemoLauncher {
    /** Newest first, so stopping walks the start order backwards. */
    private final List<AutoCloseable> running = new ArrayList<>();

    public static void main(String[] args) throws InterruptedException {
        DemoLauncher launcher = new DemoLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "demo-shutdown"));
        try {
            launcher.start(DemoSettings.fromEnvironment());
        } catch (RuntimeException e) {
            System.err.println("\nDemo failed to start: " + e.getMessage());
            launcher.stopAll();
            System.exit(1);
        }
        new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops everything
    }

    private void start(DemoSettings settings) {
        long started = System.nanoTime();
        settings.requirePortsFree();
        Path workDir = settings.workDir();
        DemoState state = DemoState.load(workDir);
        Map<String, String> placeholders = settings.realmPlaceholders(state.clientSecret());

        // DigiD's back channel is mutual TLS: throw-away keys for the simulator and Keycloak's outgoing HTTP client.
        BackChannelTls digidTls = BackChannelTls.create(workDir.resolve("digid-tls"));
        SimulatorProcess simulator = startSimulator(settings, workDir, digidTls);

        boolean firstStart = !Files.exists(workDir.resolve("keycloak"));
        log("Preparing Keycloak in " + workDir.resolve("keycloak") + " …");
        KeycloakDistribution distribution =
                KeycloakDistribution.install(HarnessPaths.distZip(), workDir.resolve("keycloak"));
        if (distribution.installProviders(HarnessPaths.providerJars())) {
            log(
                    firstStart
                            ? "First start: Keycloak builds its server with GovID's providers (~20 s extra)."
                            : "Provider or theme jar changed: Keycloak re-augments on this start (~20 s extra).");
        }
        String fingerprint = DemoState.fingerprint(HarnessPaths.realmExportsDir(), placeholders);
        boolean freshDatabase = settings.reset() || !state.importMatches(fingerprint);
        if (freshDatabase) {
            log((firstStart
                            ? "First start: new database, importing "
                            : settings.reset()
                                    ? "GOVID_DEMO_RESET=1: starting with a fresh database and importing "
                                    : "Realm exports or ports changed: starting with a fresh database and importing ")
                    + HarnessPaths.realmExportsDir());
        }
        log("Starting Keycloak " + HarnessPaths.keycloakVersion() + " on " + settings.keycloakUrl() + " (log: "
                + workDir.resolve("keycloak.log") + ") …");
        KeycloakServer keycloak = KeycloakServer.builder(distribution)
                .httpPort(settings.keycloakPort())
                .managementPort(settings.managementPort())
                .urlHost(DemoSettings.HOST)
                .realmImportDir(HarnessPaths.realmExportsDir())
                .env(placeholders)
                .env(java.util.Map.of(KeycloakServer.PSEUDONYM_KEYS_ENV, state.pseudonymKey()))
                .adminPassword(state.adminPassword())
                .freshDatabase(freshDatabase)
                .logFile(workDir.resolve("keycloak.log"))
                .args(digidTls.keycloakArgs().toArray(String[]::new))
                .start();
        running.add(0, keycloak);
        state.rememberImport(fingerprint);
        state.save();
        log("Keycloak ready after " + keycloak.startupTime().toSeconds() + " s.");

        OidcClient oidc = new OidcClient(
                settings.realmUrl(), DemoSettings.CLIENT_ID, state.clientSecret(), settings.appUrl() + "/callback");
        running.add(0, DemoApp.start(settings.appPort(), settings.appUrl(), oidc));

        printSummary(settings, keycloak, simulator, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * A broken simulator only breaks the BundID button; the rest of the demo (admin console, realm, theme)
     * is still worth showing, so this warns instead of aborting.
     */
    private SimulatorProcess startSimulator(DemoSettings settings, Path workDir, BackChannelTls digidTls) {
        log("Starting the eID simulator (BundID, ID Austria and DigiD) on " + settings.simulatorUrl() + " …");
        try {
            SimulatorProcess.Builder builder = SimulatorProcess.builder(HarnessPaths.simulatorJar())
                    .port(settings.simulatorPort())
                    .baseUrl(settings.simulatorUrl())
                    .logFile(workDir.resolve("simulator.log"))
                    .args(digidTls.simulatorArgs(Ports.free()).toArray(String[]::new));
            settings.brokerMetadataUrls().forEach(builder::spMetadata);
            SimulatorProcess simulator = builder.start();
            running.add(0, simulator);
            return simulator;
        } catch (RuntimeException e) {
            log("WARNING: simulator not running, BundID logins will fail: " + e.getMessage());
            return null;
        }
    }

    private static void printSummary(
            DemoSettings settings, KeycloakServer keycloak, SimulatorProcess simulator, Duration took) {
        String line = "-".repeat(78);
        System.out.println();
        System.out.println(line);
        System.out.println("GovID demo is up (" + took.toSeconds() + " s)");
        System.out.println();
        System.out.println("  Demo application    " + settings.appUrl() + "/");
        System.out.println("  Keycloak admin      " + settings.keycloakUrl() + "/admin/master/console/");
        System.out.println(
                "                      user: " + keycloak.adminUsername() + "   password: " + keycloak.adminPassword());
        System.out.println("  Realm account       " + settings.realmUrl() + "/account/");
        System.out.println("  OIDC discovery      " + settings.realmUrl() + "/.well-known/openid-configuration");
        System.out.println(
                "  Simulator metadata  " + (simulator == null ? "(simulator not running)" : simulator.metadataUrl()));
        System.out.println("  Logs                " + keycloak.logFile()
                + (simulator == null ? "" : "\n                      " + simulator.logFile()));
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        System.out.println(line);
        System.out.flush();
    }

    private synchronized void stopAll() {
        for (AutoCloseable component : running) {
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("while stopping " + component + ": " + e);
            }
        }
        running.clear();
    }

    private static void log(String message) {
        System.out.println("[demo] " + message);
        System.out.flush();
    }
}
