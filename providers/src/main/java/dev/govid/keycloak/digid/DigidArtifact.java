package dev.govid.keycloak.digid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A SAML 2.0 artifact (type 0x0004: type code, endpoint index, SourceID = SHA-1 of the issuer's entityID, message
 * handle), checked before anything is sent over the back channel: junk and artifacts of another issuer never cause
 * a SOAP call.
 */
final class DigidArtifact {

    private static final int LENGTH = 44;

    private DigidArtifact() {}

    /** @return null when the artifact is acceptable, else why not */
    static String problem(String samlArt, String idpEntityId) {
        if (samlArt == null || samlArt.length() > 200) {
            return "artifact missing or too long";
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(samlArt.trim());
        } catch (IllegalArgumentException e) {
            return "artifact is not base64";
        }
        if (raw.length != LENGTH || raw[0] != 0 || raw[1] != 4) {
            return "not a SAML 2.0 type 0x0004 artifact";
        }
        if (idpEntityId != null && !Arrays.equals(Arrays.copyOfRange(raw, 4, 24), sha1(idpEntityId))) {
            return "artifact SourceID does not belong to " + idpEntityId;
        }
        return null;
    }

    static byte[] sha1(String value) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
