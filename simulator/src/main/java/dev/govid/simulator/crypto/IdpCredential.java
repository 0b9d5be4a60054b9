package dev.govid.simulator.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The IdP's signing key and certificate. */
public record IdpCredential(PrivateKey privateKey, X509Certificate certificate) {

    /** Generated keys live only in memory: nothing is written to disk. */
    public static IdpCredential generate(String commonName, int rsaBits, Duration validity) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(rsaBits, new SecureRandom());
            KeyPair pair = kpg.generateKeyPair();
            return new IdpCredential(pair.getPrivate(), selfSigned(pair, commonName, validity));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate IdP key", e);
        }
    }

    public static IdpCredential generateDefault() {
        return generate("GovID BundID Simulator", 3072, Duration.ofDays(730));
    }

    public static X509Certificate selfSigned(KeyPair pair, String commonName, Duration validity) {
        try {
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validity)),
                    name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create self-signed certificate", e);
        }
    }

    /** Uses the first private-key entry of the PKCS#12 file. */
    public static IdpCredential loadPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Certificate cert = ks.getCertificate(alias);
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    return new IdpCredential(key, (X509Certificate) cert);
                }
            }
            throw new IllegalArgumentException("no private key entry in " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
