package dev.govid.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak on loopback ports, started from a {@link KeycloakDistribution}: {@code kc.sh start-dev} by
 * default, or production mode ({@code kc.sh start}) on an external database as a node of an Infinispan cluster
 * (see {@link Builder#clusterNode}). Start-up costs 10-35 s, so tests share one instance (see the ITs'
 * SharedKeycloak) instead of one per class.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String ADMIN_USERNAME = "admin";

    private final KeycloakDistribution distribution;
    private final ChildProcess process;
    private final String urlHost;
    private final int httpPort;
    private final int managementPort;
    private final String adminPassword;
    private final Duration startupTime;
    private final AdminTokenSource adminTokens;
    private final Builder builder;

    private KeycloakServer(Builder builder, ChildProcess process, Duration startupTime) {
        this.builder = builder;
        this.distribution = builder.distribution;
        this.process = process;
        this.urlHost = builder.urlHost;
        this.httpPort = builder.httpPort;
        this.managementPort = builder.managementPort;
        this.adminPassword = builder.adminPassword;
        this.startupTime = startupTime;
        this.adminTokens = new AdminTokenSource(baseUrl(), ADMIN_USERNAME, adminPassword);
    }

    public static Builder builder(KeycloakDistribution distribution) {
        return new Builder(distribution);
    }

    /** e.g. {@code http://127.0.0.1:34567} — no trailing slash, no context path. */
    public String baseUrl() {
        return "http://" + urlHost + ":" + httpPort;
    }

    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Path logFile() {
        return process.logFile();
    }

    public Path home() {
        return distribution.home();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    /** A master-realm access token for the bootstrap admin, renewed before it expires (60 s lifespan). */
    public String adminToken() {
        return adminTokens.token();
    }

    public AdminClient admin() {
        return new AdminClient(baseUrl(), this::adminToken);
    }

    @Override
    public void close() {
        process.stop();
    }

    /** SIGKILL (Keycloak and its JVM), no clean shutdown: for crash tests. */
    public void kill() {
        process.kill();
    }

    /**
     * Starts this server again after {@link #kill()} or {@link #close()}: same ports, same admin password, same
     * database (never fresh), realm imports skipped by Keycloak since the realms exist; log in {@code logFile}.
     */
    public KeycloakServer restart(Path logFile) {
        if (process.isAlive()) {
            throw new IllegalStateException("stop or kill the server before restarting it");
        }
        return builder.freshDatabase(false).logFile(logFile).start();
    }

    /**
     * The environment variable of the revision log's server-wide pseudonym keys
     * ({@code --spi-events-listener--govid-revision-log--pseudonym-keys}): in the environment, not on the command line,
     * which ends up in logs and process listings.
     */
    public static final String PSEUDONYM_KEYS_ENV = "KC_SPI_EVENTS_LISTENER__GOVID_REVISION_LOG__PSEUDONYM_KEYS";

    public static final class Builder {
        private final KeycloakDistribution distribution;
        private int httpPort;
        private int managementPort;
        private String urlHost = "127.0.0.1";
        private final List<Path> realmImports = new ArrayList<>();
        private final List<String> extraArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> features = new ArrayList<>();
        private Path logFile;
        private String adminPassword;
        private boolean freshDatabase;
        // A loaded build machine can take longer; -Dgovid.keycloak.startupTimeoutSeconds=… overrides it.
        private Duration startupTimeout = Duration.ofSeconds(Long.getLong("govid.keycloak.startupTimeoutSeconds", 180));
        private ExternalDatabase database;
        private int clusterPort;

        private Builder(KeycloakDistribution distribution) {
            this.distribution = distribution;
        }

        /** 0 (default) picks a free port. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** 0 (default) picks a free port; never leave it at Keycloak's 9000, which others may hold. */
        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /**
         * Host name used in {@link #baseUrl()}; Keycloak always binds 127.0.0.1. Use "localhost" when a real
         * browser is involved: browsers keep Keycloak's Secure cookies over plain http only on localhost.
         */
        public Builder urlHost(String host) {
            this.urlHost = host;
            return this;
        }

        /** Every *.json in the folder is imported at start ({@code --import-realm}), ${ENV} placeholders resolved. */
        public Builder realmImportDir(Path dir) {
            realmImports.addAll(RealmFiles.list(dir));
            return this;
        }

        public Builder realmImportFile(Path file) {
            realmImports.add(file);
            return this;
        }

        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        public Builder features(String... featureNames) {
            features.addAll(List.of(featureNames));
            return this;
        }

        /** Default: {@code <home>/keycloak-<port>.log}. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** Default: random. Only takes effect when the master realm is created, i.e. on a fresh database. */
        public Builder adminPassword(String password) {
            this.adminPassword = password;
            return this;
        }

        /** Drop the dev-file H2 database first, so imports and the admin password apply again. */
        public Builder freshDatabase(boolean fresh) {
            this.freshDatabase = fresh;
            return this;
        }

        /**
         * Production mode ({@code kc.sh start}, which re-augments on its first start in a distribution) on the given
         * database, clustered with every other node on that database: Keycloak's default {@code jdbc-ping} stack
         * discovers members through the database, and the transport binds to loopback on {@code clusterPort}
         * (0 picks a free one). Plain http stays enabled because the harness speaks http only.
         */
        public Builder clusterNode(ExternalDatabase database, int clusterPort) {
            this.database = database;
            this.clusterPort = clusterPort;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public KeycloakServer start() {
            httpPort = Ports.orFree(httpPort);
            managementPort = Ports.orFree(managementPort);
            if (adminPassword == null) {
                adminPassword = RandomTokens.urlSafe(18);
            }
            if (logFile == null) {
                logFile = distribution.home().resolve("keycloak-" + httpPort + ".log");
            }
            if (database != null) {
                clusterPort = Ports.orFree(clusterPort);
            }
            if (freshDatabase) {
                distribution.deleteDevDatabase();
            }
            stageRealmImports();

            ProcessBuilder processBuilder =
                    new ProcessBuilder(command()).directory(distribution.home().toFile());
            Map<String, String> processEnv = processBuilder.environment();
            // kc.sh prefers JAVA_HOME; pin it to the JVM running the harness so tests and server agree.
            processEnv.put("JAVA_HOME", System.getProperty("java.home"));
            processEnv.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            processEnv.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            if (database != null) {
                // In the environment rather than on the command line, which ends up in logs and ps listings.
                processEnv.put("KC_DB_PASSWORD", database.password());
            }
            processEnv.putAll(env);

            long started = System.nanoTime();
            ChildProcess process = ChildProcess.start("keycloak:" + httpPort, processBuilder, logFile);
            process.awaitHttpOk("http://127.0.0.1:" + managementPort + "/health/ready", startupTimeout);
            return new KeycloakServer(this, process, Duration.ofNanos(System.nanoTime() - started));
        }

        private List<String> command() {
            List<String> command = new ArrayList<>(List.of(
                    distribution.kcScript().toString(),
                    database == null ? "start-dev" : "start",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--hostname-strict=false",
                    "--health-enabled=true"));
            if (database != null) {
                command.addAll(List.of(
                        "--http-enabled=true",
                        "--db=" + database.vendor(),
                        "--db-url=" + database.jdbcUrl(),
                        "--db-username=" + database.username(),
                        "--cache=ispn",
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--cache-embedded-network-bind-port=" + clusterPort));
            }
            if (!realmImports.isEmpty()) {
                command.add("--import-realm");
            }
            if (!features.isEmpty()) {
                command.add("--features=" + String.join(",", features));
            }
            command.addAll(extraArgs);
            return command;
        }

        /** data/import is replaced wholesale, so a realm file removed from the test set is not imported anyway. */
        private void stageRealmImports() {
            Path importDir = distribution.importDir();
            KeycloakDistribution.deleteRecursively(importDir);
            try {
                Files.createDirectories(importDir);
                for (Path file : realmImports) {
                    Files.copy(file, importDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage realm imports in " + importDir, e);
            }
        }
    }
}
