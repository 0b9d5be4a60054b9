package dev.govid.simulator;

import java.util.Arrays;

/** Key-transport algorithms that wrap the AES content key for the SP. */
public enum KeyTransport {
    /** xmlenc 1.0 OAEP: MGF1 is fixed to SHA-1; the digest stays at its SHA-1 default. */
    RSA_OAEP_MGF1P("rsa-oaep-mgf1p", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"),
    /** xmlenc 1.1 OAEP, used with MGF1-SHA256 and a SHA-256 digest. */
    RSA_OAEP("rsa-oaep", "http://www.w3.org/2009/xmlenc11#rsa-oaep"),
    /** Weak (PKCS#1 v1.5 padding oracle): no relying party should accept it. */
    RSA_1_5("rsa-1_5", "http://www.w3.org/2001/04/xmlenc#rsa-1_5");

    private final String cliName;
    private final String uri;

    KeyTransport(String cliName, String uri) {
        this.cliName = cliName;
        this.uri = uri;
    }

    public String cliName() {
        return cliName;
    }

    public String uri() {
        return uri;
    }

    public static KeyTransport fromCliName(String name) {
        return Arrays.stream(values())
                .filter(v -> v.cliName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown key transport: " + name));
    }
}
