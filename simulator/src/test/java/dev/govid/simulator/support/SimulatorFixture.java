package dev.govid.simulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;
import dev.govid.simulator.crypto.IdpCredential;

/** Shared test setup: one IdP key for all tests (key generation is the slow part) and one test SP. */
public final class SimulatorFixture {
    public static final IdpCredential IDP = IdpCredential.generate("Test IdP", 2048, Duration.ofDays(1));
    public static final TestServiceProvider SP = TestServiceProvider.create("https://sp.example.test/realms/govid");
    private static final Path METADATA_FILE = writeSpMetadata();

    private SimulatorFixture() {}

    public static Simulator start(UnaryOperator<SimulatorConfig.Builder> customizer) {
        SimulatorConfig.Builder builder = SimulatorConfig.builder()
                .port(0)
                .signingCredential(IDP.privateKey(), IDP.certificate())
                .spMetadata(METADATA_FILE.toString());
        return Simulator.start(customizer.apply(builder).build());
    }

    public static Simulator start() {
        return start(b -> b);
    }

    private static Path writeSpMetadata() {
        try {
            Path dir = Files.createTempDirectory("govid-sim-test");
            dir.toFile().deleteOnExit();
            Path file = SP.writeMetadata(dir);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
