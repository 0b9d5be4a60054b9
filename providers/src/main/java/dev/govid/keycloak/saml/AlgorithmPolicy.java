package dev.govid.keycloak.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The XML-security algorithms an eID profile accepts in a response (BSI TR-03116-4 baseline). Keycloak's
 * SAML stack (Santuario underneath) accepts whatever the IdP chose, including 3DES, RSA-1_5 and SHA-1, so
 * every algorithm URI in a response is checked against these lists before Keycloak decrypts or verifies
 * anything ({@link InboundResponseInspector}). The same lists are advertised in the SP metadata.
 */
public final class AlgorithmPolicy {

    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    public static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_OAEP_11 = "http://www.w3.org/2009/xmlenc11#rsa-oaep";

    /** Signature algorithms: RSA PKCS#1 v1.5 and RSASSA-PSS with SHA-2, ECDSA with SHA-256 or more. */
    private static final Set<String> SIGNATURES = Set.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");

    /** Digests of signed references (and of RSA-OAEP parameters, see {@link #OAEP_DIGESTS}). */
    private static final Set<String> DIGESTS = Set.of(
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");

    /**
     * OAEP's own hash: {@code rsa-oaep-mgf1p} fixes MGF1 to SHA-1 and defaults its digest to SHA-1, which is
     * still sound inside OAEP (no collision resistance needed) and what the key-transport allow-list names.
     */
    private static final Set<String> OAEP_DIGESTS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");

    /** xmlenc 1.1 {@code rsa-oaep} must name MGF1 with SHA-256 or more (its default is MGF1-SHA1). */
    private static final Set<String> MASK_GENERATION = Set.of(
            "http://www.w3.org/2009/xmlenc11#mgf1sha256",
            "http://www.w3.org/2009/xmlenc11#mgf1sha384",
            "http://www.w3.org/2009/xmlenc11#mgf1sha512");

    private final boolean aesCbcAllowed;

    private AlgorithmPolicy(boolean aesCbcAllowed) {
        this.aesCbcAllowed = aesCbcAllowed;
    }

    /** GCM only: BundID and every profile unless the provider's AES-CBC switch is on. */
    public static AlgorithmPolicy gcmOnly() {
        return new AlgorithmPolicy(false);
    }

    /** The policy of a provider whose admin switched AES-CBC on for an IdP that cannot do GCM yet. */
    public static AlgorithmPolicy withAesCbc(boolean aesCbcAllowed) {
        return new AlgorithmPolicy(aesCbcAllowed);
    }

    public boolean isAesCbcAllowed() {
        return aesCbcAllowed;
    }

    /** Content-encryption algorithms, strongest first (as advertised in metadata). */
    public List<String> contentEncryption() {
        List<String> algorithms = new ArrayList<>(List.of(AES256_GCM, AES128_GCM));
        if (aesCbcAllowed) {
            algorithms.addAll(List.of(AES256_CBC, AES128_CBC));
        }
        return algorithms;
    }

    /** Key-transport algorithms, preferred first. */
    public List<String> keyTransport() {
        return List.of(RSA_OAEP_11, RSA_OAEP_MGF1P);
    }

    /** Empty if the algorithm is acceptable where it appears, else the reason (naming the algorithm). */
    public Optional<String> refusal(AlgorithmUse use, String algorithm) {
        boolean allowed =
                switch (use) {
                    case ENCRYPTION ->
                        contentEncryption().contains(algorithm)
                                || keyTransport().contains(algorithm);
                    case SIGNATURE -> SIGNATURES.contains(algorithm);
                    case REFERENCE_DIGEST -> DIGESTS.contains(algorithm);
                    case OAEP_DIGEST -> OAEP_DIGESTS.contains(algorithm);
                    case MASK_GENERATION -> MASK_GENERATION.contains(algorithm);
                };
        return allowed ? Optional.empty() : Optional.of(use.label + " algorithm " + algorithm + " is not allowed");
    }

    /** Where an algorithm URI stands in a response. */
    public enum AlgorithmUse {
        /** {@code xenc:EncryptionMethod} of EncryptedData (content) or EncryptedKey (key transport). */
        ENCRYPTION("encryption"),
        /** {@code ds:SignatureMethod}. */
        SIGNATURE("signature"),
        /** {@code ds:DigestMethod} of a signed reference. */
        REFERENCE_DIGEST("digest"),
        /** {@code ds:DigestMethod} inside an RSA-OAEP {@code xenc:EncryptionMethod}. */
        OAEP_DIGEST("RSA-OAEP digest"),
        /** {@code xenc11:MGF}. */
        MASK_GENERATION("RSA-OAEP mask generation");

        private final String label;

        AlgorithmUse(String label) {
            this.label = label;
        }
    }
}
