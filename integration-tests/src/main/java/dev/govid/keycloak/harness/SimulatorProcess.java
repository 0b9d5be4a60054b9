package dev.govid.keycloak.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The BundID-like simulator (shaded jar) as a child process, the way the demo and a deployment run it.
 * Tests that want it in-process use the simulator's own Java API instead.
 */
public final class SimulatorProcess implements AutoCloseable {
    private final ChildProcess process;
    private final int port;
    private final String baseUrl;
    private final Duration startupTime;

    private SimulatorProcess(ChildProcess process, int port, String baseUrl, Duration startupTime) {
        this.process = process;
        this.port = port;
        this.baseUrl = baseUrl;
        this.startupTime = startupTime;
    }

    public static Builder builder(Path shadedJar) {
        return new Builder(shadedJar);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String metadataUrl() {
        return baseUrl + "/idp/metadata";
    }

    public Path logFile() {
        return process.logFile();
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

    @Override
    public void close() {
        process.stop();
    }

    public static final class Builder {
        private final Path jar;
        private int port;
        private String baseUrl;
        private final List<String> spMetadataUrls = new ArrayList<>();
        private final List<String> lenientSps = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> extraArgs = new ArrayList<>();
        private Path logFile;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder(Path jar) {
            this.jar = jar;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The URL the simulator puts into its metadata and redirects; default {@code http://127.0.0.1:<port>}. */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        /** Where the simulator loads a trusted SP's metadata from (repeatable). */
        public Builder spMetadata(String url) {
            spMetadataUrls.add(url);
            return this;
        }

        /** An SP entityID that may omit the akdb extension (a stock SAML broker); its requests must still be signed. */
        public Builder lenientSp(String entityId) {
            lenientSps.add(entityId);
            return this;
        }

        public Builder jvmArgs(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }

        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public SimulatorProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("simulator jar not found: " + jar + " (build the project first)");
            }
            port = Ports.orFree(port);
            if (baseUrl == null) {
                baseUrl = "http://127.0.0.1:" + port;
            }
            if (logFile == null) {
                logFile = jar.toAbsolutePath().getParent().resolve("simulator-" + port + ".log");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(port), "--base-url", baseUrl));
            spMetadataUrls.forEach(url -> command.addAll(List.of("--sp-metadata", url)));
            lenientSps.forEach(entityId -> command.addAll(List.of("--lenient-sp", entityId)));
            command.addAll(extraArgs);

            long started = System.nanoTime();
            ChildProcess process = ChildProcess.start("simulator:" + port, new ProcessBuilder(command), logFile);
            process.awaitHttpOk("http://127.0.0.1:" + port + "/health", startupTimeout);
            return new SimulatorProcess(process, port, baseUrl, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
