package dev.govid.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the shared Keycloak wrote to its log since this window was opened, so a test can assert that a refusal
 * left exactly the lines it should (one WARN naming the algorithm, no stack trace).
 */
public final class KeycloakLogWindow {

    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)\\s*$");

    private final Path file;
    private final long start;

    private KeycloakLogWindow(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    public static KeycloakLogWindow open() {
        Path file = SharedKeycloak.get().logFile();
        try {
            return new KeycloakLogWindow(file, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines written since {@link #open()}; waits briefly, since Keycloak's log is written asynchronously. */
    public List<String> lines() {
        try {
            Thread.sleep(300);
            byte[] all = Files.readAllBytes(file);
            return new String(
                            all,
                            (int) Math.min(start, all.length),
                            (int) Math.max(0, all.length - start),
                            StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<String> stackFrames() {
        return lines().stream()
                .filter(line -> STACK_FRAME.matcher(line).matches())
                .toList();
    }

    public List<String> linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }
}
