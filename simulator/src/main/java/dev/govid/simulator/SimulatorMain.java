package dev.govid.simulator;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.govid.simulator.digid.DigidBackChannelOptions;

/** Command-line entry point; see README.md for the options. */
public final class SimulatorMain {
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "--port",
            "--host",
            "--base-url",
            "--entity-id",
            "--sp-metadata",
            "--lenient-sp",
            "--personas",
            "--signature-algorithm",
            "--data-encryption",
            "--key-transport",
            "--trust-level-vocabulary",
            "--keystore",
            "--keystore-password",
            "--threads",
            "--pvp-entity-id",
            "--pvp-sector",
            "--pvp-signature-algorithm",
            "--pvp-personas");

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        SimulatorConfig config;
        java.util.Optional<DigidBackChannelOptions> digid;
        try {
            java.util.List<String> rest = new java.util.ArrayList<>();
            digid = DigidBackChannelOptions.extract(args, rest);
            config = parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(usage());
            return;
        }
        Simulator simulator = Simulator.start(config);
        digid.ifPresent(options -> simulator.startDigidBackChannel(options.port(), options.sslContext()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "govid-simulator-shutdown"));
        stopped.await();
    }

    /** @return null when help was requested */
    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        Path keystore = null;
        String keystorePassword = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                return null;
            }
            if ("--sign-assertion".equals(option)) {
                b.signAssertion(true);
                continue;
            }
            if (!OPTIONS_WITH_VALUE.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--host" -> b.host(value);
                case "--base-url" -> b.baseUrl(value);
                case "--entity-id" -> b.entityId(value);
                case "--sp-metadata" -> b.spMetadata(value);
                case "--lenient-sp" -> b.lenientSp(value);
                case "--personas" -> b.personasFile(Path.of(value));
                case "--signature-algorithm" -> b.signatureAlgorithm(SignatureAlgorithm.fromCliName(value));
                case "--data-encryption" -> b.dataEncryption(DataEncryption.fromCliName(value));
                case "--key-transport" -> b.keyTransport(KeyTransport.fromCliName(value));
                case "--trust-level-vocabulary" -> b.trustLevelVocabulary(TrustLevelVocabulary.fromCliName(value));
                case "--keystore" -> keystore = Path.of(value);
                case "--keystore-password" -> keystorePassword = value;
                case "--threads" -> b.threads(Integer.parseInt(value));
                case "--pvp-entity-id" -> b.pvpEntityId(value);
                case "--pvp-sector" -> pvpSector(b, value);
                case "--pvp-signature-algorithm" -> b.pvpSignatureAlgorithm(SignatureAlgorithm.fromCliName(value));
                case "--pvp-personas" -> b.pvpPersonasFile(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (keystore != null) {
            b.keystore(keystore, keystorePassword == null ? new char[0] : keystorePassword.toCharArray());
        }
        return b.build();
    }

    /** {@code <spEntityId>=<sector>}; the entityID may itself contain '=', the sector never does. */
    private static void pvpSector(SimulatorConfig.Builder b, String value) {
        int eq = value.lastIndexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException("--pvp-sector expects <spEntityId>=<sector>, got " + value);
        }
        b.pvpSector(value.substring(0, eq), value.substring(eq + 1));
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: java -jar govid-simulator-all.jar [options]",
                "  --port <n>                         (default 8081; 0 = any free port)",
                "  --host <address>                   (default 127.0.0.1)",
                "  --base-url <url>                   (default http://<host>:<port>)",
                "  --entity-id <id>                   (default <base-url>/idp)",
                "  --sp-metadata <url-or-file>        repeatable",
                "  --lenient-sp <entityID>            repeatable; akdb extension optional for this SP",
                "  --personas <file.json>             (default: built-in personas)",
                "  --signature-algorithm rsa-sha256|rsa-sha512|rsa-pss-sha256|rsa-sha1 (default rsa-pss-sha256)",
                "  --data-encryption aes256-gcm|aes128-gcm|aes256-cbc|3des-cbc (default aes256-gcm)",
                "  --key-transport rsa-oaep-mgf1p|rsa-oaep|rsa-1_5       (default rsa-oaep-mgf1p)",
                "  --trust-level-vocabulary spec-examples|spec-table      (default spec-examples)",
                "  --keystore <file.p12> --keystore-password <pw>         (default: generated RSA-3072 key)",
                "  --sign-assertion                   also sign the assertion before encrypting it",
                "  --threads <n>                      HTTP worker threads (default 16)",
                "PVP2 / ID Austria mode (under /pvp):",
                "  --pvp-entity-id <id>               (default <base-url>/pvp)",
                "  --pvp-sector <spEntityId>=<sector> repeatable; bPK sector per SP, e.g. GH or XFN+468924i (default BF)",
                "  --pvp-signature-algorithm rsa-sha256|rsa-pss-sha256    (default rsa-sha256)",
                "  --pvp-personas <file.json>         (default: built-in PVP personas)",
                DigidBackChannelOptions.USAGE);
    }
}
