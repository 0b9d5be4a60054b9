package dev.govid.keycloak.revisionlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MOA-ID's pseudonymised person data: SHA-256 over
 * {@code {"person":{"givenname":…,"familyname":…,"dateofbirth":…},"salt":…}} with a fresh random salt per
 * event, logged as {@code {"hash":"<base64>","salt":"<salt>"}}. Whoever holds the person's data can
 * recompute the hash to prove a log line is about them; the line alone reveals nothing.
 */
public final class PersonPseudonym {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonPseudonym() {
    }

    public static String of(String givenName, String familyName, String dateOfBirth) {
        return of(givenName, familyName, dateOfBirth, freshSalt());
    }

    static String of(String givenName, String familyName, String dateOfBirth, String salt) {
        ObjectNode input = JSON.createObjectNode();
        ObjectNode person = input.putObject("person");
        person.put("givenname", nullToEmpty(givenName));
        person.put("familyname", nullToEmpty(familyName));
        person.put("dateofbirth", nullToEmpty(dateOfBirth));
        input.put("salt", salt);
        return pseudonym(input.toString(), salt);
    }

    /** The same {hash, salt} shape for a single identifier (a professional representative's bPK, code 5000). */
    public static String ofIdentifier(String identifier) {
        String salt = freshSalt();
        ObjectNode input = JSON.createObjectNode();
        input.put("id", nullToEmpty(identifier));
        input.put("salt", salt);
        return pseudonym(input.toString(), salt);
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
