package dev.govid.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.govid.keycloak.harness.Keytool;
import dev.govid.keycloak.harness.RandomTokens;

/**
 * Throw-away TLS keys for one test run, made with the JDK's own keytool: a server key for Keycloak's https
 * listener, client keys for applications, and the trust store Keycloak checks client certificates against.
 * Nothing here is committed; every run makes new keys.
 */
public final class TestTls {
    private static final String PASSWORD = RandomTokens.urlSafe(18);

    private final Path dir;

    private TestTls(Path dir) {
        this.dir = dir;
    }

    /**
     * @param trustedClients client key alias → subject DN, for keys Keycloak trusts (their self-signed
     *                       certificates go into its trust store)
     * @param strangers      client key alias → subject DN, for keys Keycloak does not trust
     */
    public static TestTls create(Path dir, Map<String, String> trustedClients, Map<String, String> strangers) {
        TestTls tls = new TestTls(dir);
        try {
            if (Files.exists(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
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
                    tls.serverKeyStore().toString());
            Map<String, String> all = new LinkedHashMap<>(trustedClients);
            all.putAll(strangers);
            for (Map.Entry<String, String> client : all.entrySet()) {
                tls.keytool(
                        "-genkeypair",
                        "-alias",
                        client.getKey(),
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        client.getValue(),
                        "-keystore",
                        tls.clientKeyStore(client.getKey()).toString());
            }
            tls.keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "server",
                    "-keystore",
                    tls.serverKeyStore().toString(),
                    "-file",
                    tls.serverCertificatePem().toString());
            for (String client : trustedClients.keySet()) {
                Path certificate = dir.resolve(client + ".cer");
                tls.keytool(
                        "-exportcert",
                        "-alias",
                        client,
                        "-keystore",
                        tls.clientKeyStore(client).toString(),
                        "-file",
                        certificate.toString());
                tls.keytool(
                        "-importcert",
                        "-noprompt",
                        "-alias",
                        client,
                        "-file",
                        certificate.toString(),
                        "-keystore",
                        tls.trustStore().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tls;
    }

    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** The server key's certificate as PEM, for clients (Keycloak's own outgoing calls) that must trust it. */
    public Path serverCertificatePem() {
        return dir.resolve("server.pem");
    }

    public Path trustStore() {
        return dir.resolve("client-trust.p12");
    }

    public Path clientKeyStore(String client) {
        return dir.resolve(client + ".p12");
    }

    /** Keycloak's options for an https listener that asks for (but does not demand) client certificates. */
    public List<String> keycloakArgs(int httpsPort) {
        return List.of(
                "--https-port=" + httpsPort,
                "--https-key-store-file=" + serverKeyStore(),
                "--https-key-store-password=" + PASSWORD,
                "--https-trust-store-file=" + trustStore(),
                "--https-trust-store-password=" + PASSWORD,
                "--https-client-auth=request",
                // Health checks stay on plain http; otherwise the management interface inherits https.
                "--http-management-scheme=http");
    }

    /**
     * Keycloak's outgoing HTTP client presenting {@code client}'s key (a DigiD back channel's mutual TLS) and trusting
     * this run's server key, which the simulator's https back channel uses.
     */
    public List<String> keycloakOutgoingArgs(String client) {
        return List.of(
                "--spi-connections-http-client--default--client-keystore=" + clientKeyStore(client),
                "--spi-connections-http-client--default--client-keystore-password=" + PASSWORD,
                "--spi-connections-http-client--default--client-key-password=" + PASSWORD,
                "--truststore-paths=" + serverCertificatePem());
    }

    /** A server with this run's server key that accepts only the named clients' certificates. */
    public SSLContext serverContextTrusting(String... clients) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (String client : clients) {
                KeyStore own = load(clientKeyStore(client));
                trusted.setCertificateEntry(client, own.getCertificate(client));
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(serverKeyStore()), PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that trusts this server and presents {@code client}'s key (or none when null). */
    public SSLContext clientContext(String client) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (client != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(clientKeyStore(client)), PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(serverKeyStore()));
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keytool(String... args) {
        Keytool.run(PASSWORD, args);
    }
}
