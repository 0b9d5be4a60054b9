package dev.govid.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deliberate defects the login page can inject into a success response, so relying parties can prove they
 * reject them. The wire name is the value of the {@code fault} form field.
 */
public enum Fault {
    NONE("none", "Kein Fehler (gültige Antwort)"),
    TAMPERED_SIGNATURE("tampered-signature", "Response nach dem Signieren verändert"),
    UNSIGNED("unsigned", "Response ohne Signatur"),
    PLAIN_ASSERTION("plain-assertion", "Assertion unverschlüsselt"),
    EXPIRED("expired", "Abgelaufene Assertion"),
    WRONG_AUDIENCE("wrong-audience", "Falsche Audience"),
    WRONG_DESTINATION("wrong-destination", "Falsche Destination"),
    XXE("xxe", "XXE (externe Entität im DOCTYPE)"),
    ENTITY_EXPANSION("entity-expansion", "Entity-Expansion (Billion Laughs)"),
    ASSERTION_SIGNED_ONLY("assertion-signed-only", "Nur die Assertion signiert, Response unsigniert"),
    UNDERSTATED_LEVEL("understated-level", "STORK-QAA-Level-1 statt des angeforderten Niveaus"),
    // Crypto scenarios: the response is correct but protected with another algorithm than configured.
    // Some are acceptable (a relying party must take them), the weak ones must be refused.
    AES128_GCM("aes128-gcm", "Verschlüsselung AES-128-GCM (zulässig)", Crypto.data(DataEncryption.AES128_GCM)),
    AES256_CBC(
            "aes256-cbc",
            "Verschlüsselung AES-256-CBC (nur per Schalter zulässig)",
            Crypto.data(DataEncryption.AES256_CBC)),
    TRIPLEDES("3des", "Verschlüsselung 3DES-CBC (schwach)", Crypto.data(DataEncryption.TRIPLEDES_CBC)),
    RSA_OAEP(
            "rsa-oaep",
            "Schlüsseltransport RSA-OAEP xmlenc 1.1 mit MGF1-SHA256 (zulässig)",
            Crypto.key(KeyTransport.RSA_OAEP)),
    RSA_1_5("rsa-1_5", "Schlüsseltransport RSA-1_5 (schwach)", Crypto.key(KeyTransport.RSA_1_5)),
    RSA_SHA256("rsa-sha256", "Signatur RSA-SHA256 (zulässig)", Crypto.signature(SignatureAlgorithm.RSA_SHA256)),
    RSA_SHA512("rsa-sha512", "Signatur RSA-SHA512 (zulässig)", Crypto.signature(SignatureAlgorithm.RSA_SHA512)),
    RSA_SHA1("rsa-sha1", "Signatur RSA-SHA1 (schwach)", Crypto.signature(SignatureAlgorithm.RSA_SHA1)),
    SHA1_DIGEST(
            "sha1-digest",
            "Signatur mit SHA-1-Digest (schwach)",
            Crypto.digest("http://www.w3.org/2000/09/xmldsig#sha1")),
    ASSERTION_RSA_SHA1(
            "assertion-rsa-sha1",
            "Assertion zusätzlich mit RSA-SHA1 signiert, verschlüsselt (schwach)",
            new Crypto(null, null, null, null, SignatureAlgorithm.RSA_SHA1));

    private final String wireName;
    private final String label;
    private final Crypto crypto;

    Fault(String wireName, String label) {
        this(wireName, label, Crypto.NONE);
    }

    Fault(String wireName, String label, Crypto crypto) {
        this.wireName = wireName;
        this.label = label;
        this.crypto = crypto;
    }

    /** The algorithms this scenario uses instead of the configured ones (each {@code null} = as configured). */
    public Crypto crypto() {
        return crypto;
    }

    /** Algorithm overrides of a crypto scenario. */
    public record Crypto(
            DataEncryption dataEncryption,
            KeyTransport keyTransport,
            SignatureAlgorithm signatureAlgorithm,
            String digestUri,
            SignatureAlgorithm assertionSignatureAlgorithm) {
        static final Crypto NONE = new Crypto(null, null, null, null, null);

        static Crypto data(DataEncryption value) {
            return new Crypto(value, null, null, null, null);
        }

        static Crypto key(KeyTransport value) {
            return new Crypto(null, value, null, null, null);
        }

        static Crypto signature(SignatureAlgorithm value) {
            return new Crypto(null, null, value, null, null);
        }

        static Crypto digest(String uri) {
            return new Crypto(null, null, null, uri, null);
        }
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<Fault> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
