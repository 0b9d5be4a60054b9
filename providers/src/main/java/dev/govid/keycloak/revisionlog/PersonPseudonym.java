package dev.govid.keycloak.revisionlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pseudonymised person data for the revision log, in two schemes.
 *
 * <p><b>Keyed (default):</b> HMAC-SHA-256 under a secret that is not in the database ({@link PseudonymKeys}) over
 * {@code {"person":{"givenname":…,"familyname":…,"dateofbirth":…}}}, logged as
 * {@code {"hmac":"<base64>","kid":"<key id>"}}. An auditor holding the key finds every event of a person (the
 * value is the same for every event of that person under one key); someone who can only read the database cannot
 * test candidate people, because the key is missing.
 *
 * <p><b>MOA-ID ({@code salted-sha256}):</b> SHA-256 over
 * {@code {"person":{"givenname":…,"familyname":…,"dateofbirth":…},"salt":…}} with a fresh random salt per event,
 * logged as {@code {"hash":"<base64>","salt":"<salt>"}}. Whoever holds the person's data — anyone who can guess it —
 * can recompute the hash: kept for operators who must stay compatible with MOA-ID's log.
 */
public final class PersonPseudonym {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonPseudonym() {}

    public static String of(String givenName, String familyName, String dateOfBirth) {
        return of(givenName, familyName, dateOfBirth, freshSalt());
    }

    static String of(String givenName, String familyName, String dateOfBirth, String salt) {
        ObjectNode input = personJson(givenName, familyName, dateOfBirth);
        input.put("salt", salt);
        return pseudonym(input.toString(), salt);
    }

    /** The same {hash, salt} shape for a single identifier (a professional representative's bPK, code 5000). */
    public static String ofIdentifier(String identifier) {
        String salt = freshSalt();
        ObjectNode input = identifierJson(identifier);
        input.put("salt", salt);
        return pseudonym(input.toString(), salt);
    }

    /** The keyed pseudonym of a person. */
    public static String keyed(PseudonymKeys.Key key, String givenName, String familyName, String dateOfBirth) {
        return keyedPseudonym(key, personJson(givenName, familyName, dateOfBirth));
    }

    /** The keyed pseudonym of a single identifier (a professional representative's bPK, code 5000). */
    public static String keyedIdentifier(PseudonymKeys.Key key, String identifier) {
        return keyedPseudonym(key, identifierJson(identifier));
    }

    /**
     * Whether a logged pseudonym (either scheme) is of this person: the keyed one under the key its {@code kid}
     * names, the salted one with its own salt. For an auditor's search; false for anything else.
     */
    static boolean matchesPerson(
            String logged, List<PseudonymKeys.Key> keys, String givenName, String familyName, String dateOfBirth) {
        return matches(
                logged,
                keys,
                personJson(givenName, familyName, dateOfBirth),
                salt -> of(givenName, familyName, dateOfBirth, salt));
    }

    static boolean matchesIdentifier(String logged, List<PseudonymKeys.Key> keys, String identifier) {
        return matches(logged, keys, identifierJson(identifier), salt -> {
            ObjectNode input = identifierJson(identifier);
            input.put("salt", salt);
            return pseudonym(input.toString(), salt);
        });
    }

    private static boolean matches(
            String logged,
            List<PseudonymKeys.Key> keys,
            ObjectNode keyedInput,
            java.util.function.Function<String, String> salted) {
        JsonNode value;
        try {
            value = logged == null ? null : JSON.readTree(logged);
        } catch (java.io.IOException e) {
            return false;
        }
        if (value == null || !value.isObject()) {
            return false;
        }
        if (value.hasNonNull("hmac") && value.hasNonNull("kid")) {
            for (PseudonymKeys.Key key : keys) {
                if (key.id().equals(value.path("kid").asText())) {
                    return MessageDigest.isEqual(
                            value.path("hmac").asText().getBytes(StandardCharsets.US_ASCII),
                            Base64.getEncoder()
                                    .encodeToString(key.hmac(keyedInput.toString()))
                                    .getBytes(StandardCharsets.US_ASCII));
                }
            }
            return false;
        }
        if (value.hasNonNull("hash") && value.hasNonNull("salt")) {
            return salted.apply(value.path("salt").asText()).equals(logged);
        }
        return false;
    }

    private static ObjectNode personJson(String givenName, String familyName, String dateOfBirth) {
        ObjectNode input = JSON.createObjectNode();
        ObjectNode person = input.putObject("person");
        person.put("givenname", nullToEmpty(givenName));
        person.put("familyname", nullToEmpty(familyName));
        person.put("dateofbirth", nullToEmpty(dateOfBirth));
        return input;
    }

    private static ObjectNode identifierJson(String identifier) {
        ObjectNode input = JSON.createObjectNode();
        input.put("id", nullToEmpty(identifier));
        return input;
    }

    private static String keyedPseudonym(PseudonymKeys.Key key, ObjectNode input) {
        ObjectNode out = JSON.createObjectNode();
        out.put("hmac", Base64.getEncoder().encodeToString(key.hmac(input.toString())));
        out.put("kid", key.id());
        return out.toString();
    }

    private static String pseudonym(String json, String salt) {
        ObjectNode out = JSON.createObjectNode();
        out.put("hash", Base64.getEncoder().encodeToString(sha256(json)));
        out.put("salt", salt);
        return out.toString();
    }

    private static String freshSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
