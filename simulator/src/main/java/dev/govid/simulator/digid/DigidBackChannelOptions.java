package dev.govid.simulator.digid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The command-line options of the DigiD back channel: {@code --digid-tls-port}, {@code --digid-tls-keystore} (PKCS12
 * with the server key), {@code --digid-tls-password} and {@code --digid-tls-client-cert} (repeatable; the registered
 * client certificates, PEM or DER). Taken out of the argument list before the other options are read.
 */
public record DigidBackChannelOptions(int port, Path keystore, char[] password, List<Path> clientCertificates) {

    public static final String USAGE = String.join(
            "\n",
            "DigiD mode (under /digid; its ArtifactResolutionService is mutual TLS on its own port):",
            "  --digid-tls-port <n> --digid-tls-keystore <server.p12> --digid-tls-password <pw>",
            "  --digid-tls-client-cert <file>     repeatable; client certificates allowed on the back channel");

    /** The options, and the remaining arguments in {@code rest}; empty when no back channel is asked for. */
    public static Optional<DigidBackChannelOptions> extract(String[] args, List<String> rest) {
        Integer port = null;
        Path keystore = null;
        String password = "";
        List<Path> clients = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--digid-tls-")) {
                rest.add(option);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--digid-tls-port" -> port = Integer.parseInt(value);
                case "--digid-tls-keystore" -> keystore = Path.of(value);
                case "--digid-tls-password" -> password = value;
                case "--digid-tls-client-cert" -> clients.add(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (port == null && keystore == null) {
            return Optional.empty();
        }
        if (port == null || keystore == null || clients.isEmpty()) {
            throw new IllegalArgumentException(
                    "the DigiD back channel needs --digid-tls-port, --digid-tls-keystore and --digid-tls-client-cert");
        }
        return Optional.of(new DigidBackChannelOptions(port, keystore, password.toCharArray(), List.copyOf(clients)));
    }

    public SSLContext sslContext() {
        try {
            KeyStore server = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                server.load(in, password);
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : clientCertificates) {
                try (InputStream in = Files.newInputStream(file)) {
                    trusted.setCertificateEntry(
                            file.getFileName().toString(), (X509Certificate) factory.generateCertificate(in));
                }
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(server, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("DigiD back channel keys not readable: " + e.getMessage(), e);
        }
    }
}
