package dev.govid.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.govid.keycloak.harness.DemoRealmPlaceholders;
import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.harness.KeycloakDistribution;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Ports;
import dev.govid.keycloak.harness.RandomTokens;
import dev.govid.keycloak.harness.SimulatorProcess;

/**
 * One Keycloak for every IT in the failsafe JVM: starting it costs 10-35 s, far more than any test.
 * It runs with our provider and theme jars and the realms from realm-exports/ (fresh database every run),
 * and stops through KeycloakServer's shutdown hook when the JVM exits. Tests must therefore not assume a pristine
 * realm: create what you change under unique names, or put it back.
 */
public final class SharedKeycloak {
    public static final String DEMO_REALM = "govid-demo";
    public static final String DEMO_CLIENT_ID = "demo-app";

    private static final int SIMULATOR_PORT = Ports.free();
    private static final int APP_PORT = Ports.free();
    private static final String CLIENT_SECRET = RandomTokens.urlSafe(24);
    /** The revision log's pseudonym key of this run (an auditor's secret: never in Keycloak's database). */
    private static final String PSEUDONYM_KEY = RandomTokens.urlSafe(32);
    /**
     * Client keys for back-channel mutual TLS: two Keycloak trusts, and an impostor whose self-made certificate
     * copies the first one's subject DN.
     */
    public static final String TLS_CLIENT = "moa-oa-mtls";

    public static final String TLS_CLIENT_DN = "CN=moa-oa-mtls,O=GovID Test";
    public static final String OTHER_TLS_CLIENT = "moa-oa-other";
    public static final String IMPOSTOR_TLS_CLIENT = "impostor";
    /** Keycloak's own client key on DigiD's mutual-TLS back channel (its outgoing HTTP client presents it). */
    public static final String DIGID_TLS_CLIENT = "digid-sp";

    private static final String DB_USER = "sa";
    private static final String DB_PASSWORD = "password";

    private static TestTls tls;
    private static int httpsPort;

    private static KeycloakServer server;
    private static Map<String, String> placeholders;
    private static SimulatorProcess simulator;

    private SharedKeycloak() {}

    public static synchronized KeycloakServer get() {
        if (server == null) {
            server = startWithRealmsFromExports();
            System.out.println("[SharedKeycloak] " + server.baseUrl() + " ready after "
                    + server.startupTime().toMillis() + " ms, log " + server.logFile());
        }
        return server;
    }

    /**
     * A fresh dev-file database each run, so Keycloak's own --import-realm (with ${NAME} placeholders) is what
     * the tests exercise. Measured: no slower than keeping the database and re-importing through the admin API.
     */
    private static KeycloakServer startWithRealmsFromExports() {
        KeycloakDistribution distribution =
                KeycloakDistribution.install(HarnessPaths.distZip(), HarnessPaths.keycloakHome());
        distribution.installProviders(HarnessPaths.providerJars());
        routeRevisionLogToItsOwnFile(distribution);
        int httpPort = Ports.free();
        placeholders = placeholders(httpPort);
        tls = TestTls.create(
                HarnessPaths.itWorkDir().resolve("tls"),
                Map.of(
                        TLS_CLIENT,
                        TLS_CLIENT_DN,
                        OTHER_TLS_CLIENT,
                        "CN=moa-oa-other,O=GovID Test",
                        DIGID_TLS_CLIENT,
                        "CN=digid-sp,O=GovID Test"),
                Map.of(IMPOSTOR_TLS_CLIENT, TLS_CLIENT_DN));
        httpsPort = Ports.free();
        return KeycloakServer.builder(distribution)
                .httpPort(httpPort)
                .args(tls.keycloakArgs(httpsPort).toArray(String[]::new))
                .args(tls.keycloakOutgoingArgs(DIGID_TLS_CLIENT).toArray(String[]::new))
                .realmImportDir(HarnessPaths.realmExportsDir())
                .env(placeholders)
                .env(Map.of(KeycloakServer.PSEUDONYM_KEYS_ENV, PSEUDONYM_KEY))
                .freshDatabase(true)
                // AUTO_SERVER lets a test open the same H2 file while Keycloak runs (revision-log tamper tests).
                // WRITE_DELAY=0 writes each commit out at once, as a production database does: H2's default keeps
                // commits in memory for up to a second, so a SIGKILL (crash test) would lose committed logins.
                .args(
                        "--db-url=jdbc:h2:file:" + devDatabase(distribution)
                                + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE;WRITE_DELAY=0",
                        "--db-username=" + DB_USER,
                        "--db-password=" + DB_PASSWORD)
                // Looks for expired unfinished logins every 2 s instead of 30 s (RevisionLogUnfinishedIT).
                .args("--spi-events-listener--govid-revision-log--unfinished-sweep-seconds=2")
                // GovID's counters on Keycloak's metrics endpoint, and the opt-in unauthenticated self-test summary.
                .args("--metrics-enabled=true", "--spi-realm-restapi-extension--govid-health--public-summary=true")
                .logFile(HarnessPaths.itWorkDir().resolve("keycloak.log"))
                // On a shared, overloaded machine Keycloak can need longer than the default 180 s to become ready.
                .startupTimeout(java.time.Duration.ofSeconds(Long.getLong("govid.it.keycloakStartupSeconds", 180)))
                .start();
    }

    /** Keycloak's https listener, which asks for TLS client certificates (see {@link #tls()}). */
    public static synchronized String httpsBaseUrl() {
        get();
        return "https://127.0.0.1:" + httpsPort;
    }

    /** The throw-away keys of this run: Keycloak's server key and the client keys named above. */
    public static synchronized TestTls tls() {
        get();
        return tls;
    }

    /** The plain-text revision log in a file of its own, with exactly the settings docs/revision-log.md gives admins. */
    public static Path revisionLogFile() {
        return HarnessPaths.itWorkDir().resolve("govid-revision.log");
    }

    private static void routeRevisionLogToItsOwnFile(KeycloakDistribution distribution) {
        String properties = """
                quarkus.log.handler.file."govid-revision".enable=true
                quarkus.log.handler.file."govid-revision".path=%s
                quarkus.log.handler.file."govid-revision".format=%%5p | %%d{dd HH:mm:ss,SSS} | %%t | %%m%%n
                quarkus.log.handler.file."govid-revision".rotation.max-file-size=10M
                quarkus.log.handler.file."govid-revision".rotation.max-backup-index=9999
                quarkus.log.category."govid.revisionlog".handlers=govid-revision
                quarkus.log.category."govid.revisionlog".use-parent-handlers=false
                quarkus.log.file.json.enabled=false
                """.formatted(revisionLogFile().toAbsolutePath());
        try {
            Files.deleteIfExists(revisionLogFile());
            Files.writeString(distribution.home().resolve("conf").resolve("quarkus.properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String devDatabase(KeycloakDistribution distribution) {
        return distribution.devDatabaseDir().resolve("keycloakdb").toString();
    }

    /** JDBC URL, user and password of the shared server's H2 file, for tests that must read or edit rows directly. */
    public static synchronized String[] database() {
        get();
        String file = HarnessPaths.keycloakHome()
                .resolve("data")
                .resolve("h2")
                .resolve("keycloakdb")
                .toString();
        return new String[] {"jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", DB_USER, DB_PASSWORD};
    }

    /**
     * SIGKILLs the shared server and starts it again on the same database and ports (crash tests). Other tests
     * keep working: URLs, admin password and realms are unchanged.
     */
    public static synchronized KeycloakServer killAndRestart(Runnable whileDown) {
        KeycloakServer crashed = get();
        crashed.kill();
        whileDown.run();
        server = crashed.restart(
                HarnessPaths.itWorkDir().resolve("keycloak-restart-" + System.currentTimeMillis() + ".log"));
        System.out.println("[SharedKeycloak] restarted after kill in "
                + server.startupTime().toMillis() + " ms");
        return server;
    }

    /** The ${NAME} values the realm exports were imported with. */
    public static synchronized Map<String, String> placeholders() {
        get();
        return Map.copyOf(placeholders);
    }

    /**
     * The simulator as a process on the port the demo realm's ${GOVID_SIM_URL} points to, trusting the realm's
     * BundID broker metadata. Started on first use only.
     */
    public static synchronized SimulatorProcess simulator() {
        if (simulator == null) {
            KeycloakServer keycloak = get();
            simulator = SimulatorProcess.builder(HarnessPaths.simulatorJar())
                    .port(SIMULATOR_PORT)
                    .baseUrl(simulatorUrl())
                    .spMetadata(keycloak.realmUrl(DEMO_REALM) + "/broker/bundid/endpoint/descriptor")
                    .logFile(HarnessPaths.itWorkDir().resolve("simulator.log"))
                    .start();
        }
        return simulator;
    }

    /** Where the realm expects the simulator; tests may run their own (e.g. in-process) simulator here instead. */
    public static String simulatorUrl() {
        return "http://127.0.0.1:" + SIMULATOR_PORT;
    }

    public static int simulatorPort() {
        return SIMULATOR_PORT;
    }

    /** The demo client's redirect URIs are {@code appUrl()/*}; nothing listens there in tests. */
    public static String appUrl() {
        return "http://127.0.0.1:" + APP_PORT;
    }

    public static String pseudonymKey() {
        return PSEUDONYM_KEY;
    }

    public static String demoClientSecret() {
        return CLIENT_SECRET;
    }

    private static Map<String, String> placeholders(int httpPort) {
        return DemoRealmPlaceholders.of("http://127.0.0.1:" + httpPort, simulatorUrl(), appUrl(), CLIENT_SECRET);
    }
}
