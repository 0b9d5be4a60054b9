package dev.govid.keycloak.saml1;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML 1.x artifact of type 0x0001 as MOA-ID issued it:
 * {@code 0x00 0x01 || SourceID (SHA-1 of the source id, 20 bytes) || AssertionHandle (20 random bytes)}, sent
 * base64 encoded (56 characters) as {@code SAMLArtifact} to the online application. The handle is the only
 * secret: whoever holds the artifact can fetch the login once, so it comes from a CSPRNG and is never logged.
 */
public final class SamlArtifact {

    public static final int LENGTH = 42;
    public static final int ENCODED_LENGTH = 56;
    private static final byte TYPE_HIGH = 0x00;
    private static final byte TYPE_LOW = 0x01;
    private static final int HASH_LENGTH = 20;
    private static final int HANDLE_LENGTH = 20;
    private static final String KEY_PREFIX = "govid.saml1.artifact.";

    private final byte[] bytes;

    private SamlArtifact(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh artifact for the given SAML1 source id (request parameter, instance setting or OA URL). */
    public static SamlArtifact create(String sourceId, SecureRandom random) {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(random, "random");
        byte[] bytes = new byte[LENGTH];
        bytes[0] = TYPE_HIGH;
        bytes[1] = TYPE_LOW;
        System.arraycopy(sourceIdHashOf(sourceId), 0, bytes, 2, HASH_LENGTH);
        byte[] handle = new byte[HANDLE_LENGTH];
        random.nextBytes(handle);
        System.arraycopy(handle, 0, bytes, 2 + HASH_LENGTH, HANDLE_LENGTH);
        return new SamlArtifact(bytes);
    }

    /**
     * Reads an artifact as an online application sends it back. Strict: standard base64 of exactly 42 bytes
     * with type 0x0001; anything else is empty (answered with MOA-ID status 6300, malformed artifact).
     */
    public static Optional<SamlArtifact> parse(String base64) {
        if (base64 == null || base64.length() != ENCODED_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != LENGTH || bytes[0] != TYPE_HIGH || bytes[1] != TYPE_LOW) {
            return Optional.empty();
        }
        return Optional.of(new SamlArtifact(bytes));
    }

    /** SHA-1 of a source id, to compare with {@link #sourceIdHash()}. */
    public static byte[] sourceIdHashOf(String sourceId) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(sourceId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JRE", e);
        }
    }

    /** The artifact as sent in the {@code SAMLArtifact} parameter and {@code samlp:AssertionArtifact}. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public byte[] sourceIdHash() {
        return Arrays.copyOfRange(bytes, 2, 2 + HASH_LENGTH);
    }

    public String assertionHandleHex() {
        return HexFormat.of().formatHex(bytes, 2 + HASH_LENGTH, LENGTH);
    }

    /**
     * Key for the single-use store. Source id hash and handle both go in, so an artifact whose handle is
     * reused with another source id (a forgery attempt) never finds a stored login.
     */
    public String key() {
        return KEY_PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, 2, LENGTH));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SamlArtifact that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Deliberately without the handle: artifacts are bearer secrets and toString ends up in logs. */
    @Override
    public String toString() {
        return "SamlArtifact[type=0x0001, sourceIdHash=" + HexFormat.of().formatHex(bytes, 2, 2 + HASH_LENGTH) + "]";
    }
}
