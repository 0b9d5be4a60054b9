package dev.govid.keycloak.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throw-away keys for DigiD's mutual-TLS back channel in a demo or benchmark run (JDK keytool): the simulator's
 * server key and Keycloak's client key, which its outgoing HTTP client presents.
 */
public final class BackChannelTls {

    private final Path dir;
    private final String password = UUID.randomUUID().toString();

    private BackChannelTls(Path dir) {
        this.dir = dir;
    }

    public static BackChannelTls create(Path dir) {
        BackChannelTls tls = new BackChannelTls(dir);
        try {
            if (Files.exists(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tls.keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore",
                tls.file("server.p12"));
        tls.keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                tls.file("server.p12"),
                "-file",
                tls.file("server.pem"));
        tls.keytool(
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=digid-sp,O=GovID",
                "-keystore",
                tls.file("client.p12"));
        tls.keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "client",
                "-keystore",
                tls.file("client.p12"),
                "-file",
                tls.file("client.pem"));
        return tls;
    }

    /** Keycloak's outgoing HTTP client presenting the client key and trusting the simulator's server key. */
    public List<String> keycloakArgs() {
        return List.of(
                "--spi-connections-http-client--default--client-keystore=" + file("client.p12"),
                "--spi-connections-http-client--default--client-keystore-password=" + password,
                "--spi-connections-http-client--default--client-key-password=" + password,
                "--truststore-paths=" + file("server.pem"));
    }

    /** The simulator's back channel: the server key, trusting only Keycloak's client certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore client = load(file("client.p12"));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("client", client.getCertificate("client"));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(file("server.p12")), password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's command-line options for the same back channel. */
    public List<String> simulatorArgs(int port) {
        return List.of(
                "--digid-tls-port",
                String.valueOf(port),
                "--digid-tls-keystore",
                file("server.p12"),
                "--digid-tls-password",
                password,
                "--digid-tls-client-cert",
                file("client.pem"));
    }

    private KeyStore load(String file) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void keytool(String... args) {
        Keytool.run(password, args);
    }
}
