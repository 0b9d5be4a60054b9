package dev.govid.keycloak.harness;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe strings for passwords, client secrets, state, nonce and PKCE verifiers. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    public static String urlSafe(int byteCount) {
        byte[] bytes = new byte[byteCount];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
