package dev.govid.keycloak.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.govid.keycloak.harness.RandomTokens;

/**
 * What the demo remembers between runs. The H2 database survives restarts, and Keycloak applies the bootstrap
 * admin and realm import only to a fresh database, so the generated secrets must stay the same, and a changed
 * realm export or port must trigger a fresh database.
 */
final class DemoState {
    private static final String FILE_NAME = "demo-state.properties";

    private final Path file;
    private final Properties properties = new Properties();

    private DemoState(Path file) {
        this.file = file;
    }

    static DemoState load(Path workDir) {
        DemoState state = new DemoState(workDir.resolve(FILE_NAME));
        if (Files.isRegularFile(state.file)) {
            try (Reader reader = Files.newBufferedReader(state.file, StandardCharsets.UTF_8)) {
                state.properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return state;
    }

    String adminPassword() {
        return properties
                .computeIfAbsent("admin.password", key -> RandomTokens.urlSafe(12))
                .toString();
    }

    /** The revision log's pseudonym key, kept with the demo so its pseudonyms stay comparable across restarts. */
    String pseudonymKey() {
        return properties
                .computeIfAbsent("revisionlog.pseudonym.key", key -> RandomTokens.urlSafe(32))
                .toString();
    }

    String clientSecret() {
        return properties
                .computeIfAbsent("demo.client.secret", key -> RandomTokens.urlSafe(24))
                .toString();
    }

    /** Whether the database was built from the same realm files and placeholder values. */
    boolean importMatches(String fingerprint) {
        return fingerprint.equals(properties.getProperty("realm.fingerprint"));
    }

    void rememberImport(String fingerprint) {
        properties.setProperty("realm.fingerprint", fingerprint);
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "GovID demo state: delete this file and the keycloak folder to start over");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(Path realmExportsDir, Map<String, String> placeholders) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> files = Files.list(realmExportsDir)) {
                for (Path realmFile : files.sorted().toList()) {
                    digest.update(realmFile.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(realmFile));
                }
            }
            new TreeMap<>(placeholders)
                    .forEach((name, value) ->
                            digest.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
