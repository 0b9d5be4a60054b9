package dev.govid.simulator;

import java.util.Arrays;

/** XML signature algorithms the simulator can sign responses with. */
public enum SignatureAlgorithm {
    RSA_SHA256("rsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"),
    RSA_SHA512("rsa-sha512", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"),
    /** Weak: no relying party should accept it. */
    RSA_SHA1("rsa-sha1", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
    /** What BundID itself uses (RSASSA-PSS, MGF1 with SHA-256). */
    RSA_PSS_SHA256("rsa-pss-sha256", "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1");

    private final String cliName;
    private final String uri;

    SignatureAlgorithm(String cliName, String uri) {
        this.cliName = cliName;
        this.uri = uri;
    }

    public String cliName() {
        return cliName;
    }

    public String uri() {
        return uri;
    }

    public static SignatureAlgorithm fromCliName(String name) {
        return Arrays.stream(values())
                .filter(v -> v.cliName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown signature algorithm: " + name));
    }
}
