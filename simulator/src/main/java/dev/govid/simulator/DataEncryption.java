package dev.govid.simulator;

import java.util.Arrays;

/** Content-encryption algorithms for the EncryptedAssertion (the weak ones exist so relying parties can prove they refuse them). */
public enum DataEncryption {
    /** BSI TR-03116-4 demands GCM; BundID switched to it in 2024/25. */
    AES256_GCM("aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes256-gcm", "AES", 256),
    AES128_GCM("aes128-gcm", "http://www.w3.org/2009/xmlenc11#aes128-gcm", "AES", 128),
    AES256_CBC("aes256-cbc", "http://www.w3.org/2001/04/xmlenc#aes256-cbc", "AES", 256),
    /** Weak: no relying party should accept it. */
    TRIPLEDES_CBC("3des-cbc", "http://www.w3.org/2001/04/xmlenc#tripledes-cbc", "DESede", 168);

    private final String cliName;
    private final String uri;
    private final String keyAlgorithm;
    private final int keySize;

    DataEncryption(String cliName, String uri, String keyAlgorithm, int keySize) {
        this.cliName = cliName;
        this.uri = uri;
        this.keyAlgorithm = keyAlgorithm;
        this.keySize = keySize;
    }

    public String cliName() {
        return cliName;
    }

    public String uri() {
        return uri;
    }

    /** The JCA name of the content key's algorithm. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keySize() {
        return keySize;
    }

    public static DataEncryption fromCliName(String name) {
        return Arrays.stream(values())
                .filter(v -> v.cliName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown data encryption: " + name));
    }
}
