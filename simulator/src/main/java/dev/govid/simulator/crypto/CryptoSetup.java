package dev.govid.simulator.crypto;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One-time JVM-wide setup that Santuario and the RSASSA-PSS algorithms need. */
public final class CryptoSetup {
    private static volatile boolean done;

    private CryptoSetup() {}

    public static synchronized void ensureInitialized() {
        if (done) {
            return;
        }
        // Santuario maps sha256-rsa-MGF1 to the JCE name "SHA256withRSAandMGF1", which only BouncyCastle provides.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        // Base64 line breaks would be serialised as "&#13;" and trip some SAML stacks; keep values on one line.
        if (System.getProperty("org.apache.xml.security.ignoreLineBreaks") == null) {
            System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        }
        org.apache.xml.security.Init.init();
        done = true;
    }
}
