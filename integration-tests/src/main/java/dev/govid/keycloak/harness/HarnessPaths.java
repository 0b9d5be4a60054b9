package dev.govid.keycloak.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the build staged the files a running Keycloak needs. Failsafe passes them as system properties;
 * bin/demo and IDE runs fall back to the repository layout, so both find the same files.
 */
public final class HarnessPaths {
    public static final String REPO_DIR = "govid.repo.dir";
    public static final String DIST_ZIP = "govid.keycloak.dist.zip";
    public static final String PROVIDERS_DIR = "govid.keycloak.providers.dir";
    public static final String KEYCLOAK_HOME = "govid.keycloak.home";
    public static final String SIMULATOR_JAR = "govid.simulator.jar";
    public static final String REALM_EXPORTS_DIR = "govid.realm.exports.dir";
    public static final String IT_WORK_DIR = "govid.it.work.dir";

    private static final Properties BUILD_INFO = loadBuildInfo();

    private HarnessPaths() {}

    public static String keycloakVersion() {
        return BUILD_INFO.getProperty("keycloak.version");
    }

    public static String projectVersion() {
        return BUILD_INFO.getProperty("project.version");
    }

    public static Path repoDir() {
        String configured = System.getProperty(REPO_DIR);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Walk up from the working directory: IDE runs start in the module, bin/demo in the root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("integration-tests"))
                    && Files.isDirectory(dir.resolve("realm-exports"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -D" + REPO_DIR);
    }

    public static Path distZip() {
        return pathProperty(
                DIST_ZIP,
                stagingDir().resolve("keycloak-dist").resolve("keycloak-quarkus-dist-" + keycloakVersion() + ".zip"));
    }

    public static Path providersDir() {
        return pathProperty(PROVIDERS_DIR, stagingDir().resolve("keycloak-providers"));
    }

    /** Every jar the build staged for Keycloak's providers/ folder (provider jar and theme jar). */
    public static List<Path> providerJars() {
        try (Stream<Path> files = Files.list(providersDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("provider jars not staged; build the project first", e);
        }
    }

    public static Path keycloakHome() {
        return pathProperty(KEYCLOAK_HOME, stagingDir().resolve("keycloak-server"));
    }

    public static Path simulatorJar() {
        return pathProperty(SIMULATOR_JAR, stagingDir().resolve("simulator").resolve("govid-simulator-all.jar"));
    }

    public static Path realmExportsDir() {
        return pathProperty(REALM_EXPORTS_DIR, repoDir().resolve("realm-exports"));
    }

    public static Path itWorkDir() {
        return pathProperty(IT_WORK_DIR, stagingDir().resolve("it-work"));
    }

    private static Path stagingDir() {
        return repoDir().resolve("integration-tests").resolve("target");
    }

    private static Path pathProperty(String name, Path fallback) {
        String value = System.getProperty(name);
        return (value == null ? fallback : Path.of(value)).toAbsolutePath().normalize();
    }

    private static Properties loadBuildInfo() {
        Properties properties = new Properties();
        try (InputStream in = HarnessPaths.class.getResourceAsStream("/govid-harness.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
