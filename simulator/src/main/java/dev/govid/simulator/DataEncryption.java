package dev.govid.simulator;

import java.util.Arrays;

/** Content-encryption algorithms for the EncryptedAssertion. */
public enum DataEncryption {
    /** BSI TR-03116-4 demands GCM; BundID switched to it in 2024/25. */
    AES256_GCM("aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes256-gcm"),
    AES256_CBC("aes256-cbc", "http://www.w3.org/2001/04/xmlenc#aes256-cbc");

    private final String cliName;
    private final String uri;

    DataEncryption(String cliName, String uri) {
        this.cliName = cliName;
        this.uri = uri;
    }

    public String cliName() {
        return cliName;
    }

    public String uri() {
        return uri;
    }

    public static DataEncryption fromCliName(String name) {
        return Arrays.stream(values()).filter(v -> v.cliName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown data encryption: " + name));
    }
}
