package dev.govid.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An unpacked Keycloak server distribution with our jars in its providers/ folder.
 * Unzipping (~170 MB) and Quarkus re-augmentation (~20 s, triggered by any touched provider jar) are the
 * expensive steps, so both are done only when their input actually changed.
 */
public final class KeycloakDistribution {
    private static final String MARKER = ".govid-unpacked-from";

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    /** Unpacks {@code distZip} into {@code home} (its top-level folder stripped) unless already done. */
    public static KeycloakDistribution install(Path distZip, Path home) {
        try {
            if (!Files.isRegularFile(distZip)) {
                throw new IllegalStateException(
                        "Keycloak distribution not found: " + distZip + " (build the integration-tests module first)");
            }
            String fingerprint = distZip.getFileName() + " " + Files.size(distZip) + " "
                    + Files.getLastModifiedTime(distZip).toMillis();
            Path marker = home.resolve(MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(fingerprint)) {
                // A half-unpacked or older distribution must not leak files into the new one.
                deleteRecursively(home);
                unzipStrippingTopFolder(distZip, home);
                Files.writeString(marker, fingerprint);
            }
            return new KeycloakDistribution(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Keycloak into " + home, e);
        }
    }

    public Path home() {
        return home;
    }

    public Path providersDir() {
        return home.resolve("providers");
    }

    public Path importDir() {
        return home.resolve("data").resolve("import");
    }

    public Path kcScript() {
        return home.resolve("bin").resolve("kc.sh");
    }

    /** The dev-file H2 database that {@code start-dev} keeps under data/h2. */
    public Path devDatabaseDir() {
        return home.resolve("data").resolve("h2");
    }

    /**
     * Copies the jars into providers/, skipping those whose bytes are already there: a rewritten jar,
     * even an identical one, costs a Quarkus re-augmentation on the next start.
     *
     * @return whether anything was copied (the next start will re-augment)
     */
    public boolean installProviders(Collection<Path> jars) {
        boolean changed = false;
        try {
            Files.createDirectories(providersDir());
            for (Path jar : jars) {
                Path target = providersDir().resolve(jar.getFileName());
                if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                    changed = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install providers into " + providersDir(), e);
        }
        return changed;
    }

    public void deleteDevDatabase() {
        deleteRecursively(devDatabaseDir());
    }

    private static void unzipStrippingTopFolder(Path zip, Path home) throws IOException {
        Files.createDirectories(home);
        Path root = home.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top-level folder itself
                }
                Path target = root.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry escapes the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    // ZipInputStream does not carry Unix modes; the launch scripts need them.
                    if (name.endsWith(".sh")) {
                        makeExecutable(target);
                    }
                }
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        permissions.addAll(Arrays.asList(
                PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(file, permissions);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
