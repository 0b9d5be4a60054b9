package dev.govid.keycloak.revisionlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.govid.keycloak.settings.Misconfiguration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/**
 * The secrets person pseudonyms are keyed with, never stored in Keycloak's database: the realm's vault entry
 * {@value #VAULT_ENTRY} (Keycloak's vault: a file, a Kubernetes secret, a keystore), else the server option
 * {@code --spi-events-listener--govid-revision-log--pseudonym-keys}. Either holds one or more keys, newest first,
 * separated by commas or line breaks; each at least {@value #MIN_LENGTH} characters (e.g. {@code openssl rand
 * -base64 32}). The newest keys new pseudonyms; the older ones stay for auditors searching older events. Every
 * pseudonym names its key by id ({@code kid}: the first 8 hex digits of SHA-256 over the key), so a rotation is
 * visible in the log itself: events before it carry the old id, events after it the new one.
 */
public final class PseudonymKeys {

    public static final String VAULT_ENTRY = "govid-revisionlog-pseudonym-key";
    static final int MIN_LENGTH = 32;

    private final List<Key> keys;

    private PseudonymKeys(List<Key> keys) {
        this.keys = keys;
    }

    /**
     * The realm's keys: from its vault entry if there is one, else the server's ({@code serverKeys}, the event
     * listener's option as {@link RevisionLogProviderFactory} read it at start-up). Invalid entries are left out.
     */
    static PseudonymKeys of(KeycloakSession session, RealmModel realm, List<String> serverKeys) {
        List<String> raw = List.of();
        try (VaultStringSecret secret = session.vault().getStringSecret("${vault." + VAULT_ENTRY + "}")) {
            Optional<String> value = secret.get();
            if (value.isPresent()) {
                raw = split(value.get());
            }
        } catch (RuntimeException e) {
            Misconfiguration.logOnce(
                    "Realm '" + realm.getName() + "': the vault entry " + VAULT_ENTRY + " cannot be read ("
                            + e.getClass().getSimpleName() + "); the server's pseudonym keys are used, if any");
        }
        if (raw.isEmpty()) {
            raw = serverKeys;
        }
        List<Key> keys = new ArrayList<>();
        for (String key : raw) {
            if (key.length() >= MIN_LENGTH) {
                keys.add(new Key(key));
            } else {
                Misconfiguration.logOnce(
                        "Realm '" + realm.getName() + "': a revision-log pseudonym key is shorter than " + MIN_LENGTH
                                + " characters and is not used");
            }
        }
        return new PseudonymKeys(Collections.unmodifiableList(keys));
    }

    static PseudonymKeys of(List<String> keys) {
        return new PseudonymKeys(keys.stream().map(Key::new).toList());
    }

    /** The key new pseudonyms are made with: the newest. */
    Optional<Key> current() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    List<Key> all() {
        return keys;
    }

    /** A list of keys as the option and the vault entry write it: comma or line separated. */
    static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String part : value.split("[,\\r\\n]+")) {
            String key = part.trim();
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    /** One key and its id. */
    public static final class Key {
        private final SecretKeySpec secret;
        private final String id;

        Key(String material) {
            byte[] bytes = material.getBytes(StandardCharsets.UTF_8);
            this.secret = new SecretKeySpec(bytes, "HmacSHA256");
            this.id = HexFormat.of()
                    .formatHex(PersonPseudonym.sha256("govid-pseudonym-key:" + material))
                    .substring(0, 8);
        }

        public String id() {
            return id;
        }

        byte[] hmac(String text) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
            }
        }
    }
}
