package dev.govid.simulator.pvp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import dev.govid.simulator.xml.SamlNamespaces;

/**
 * The Subject NameID of a PVP assertion. Persistent identifiers are stable per person and SP (derived from
 * the base ID, so a representative has the same NameID whether or not they act for someone), yet unlinkable
 * across SPs. Relying parties must still key people by bPK, not by NameID.
 */
final class PvpNameId {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PvpNameId() {}

    /** Formats the PVP mode accepts in NameIDPolicy; null (no policy) and unspecified mean persistent. */
    static boolean isSupported(String format) {
        return format == null
                || SamlNamespaces.NAMEID_PERSISTENT.equals(format)
                || SamlNamespaces.NAMEID_TRANSIENT.equals(format)
                || SamlNamespaces.NAMEID_UNSPECIFIED.equals(format);
    }

    static String effectiveFormat(String requestedFormat) {
        return SamlNamespaces.NAMEID_TRANSIENT.equals(requestedFormat)
                ? SamlNamespaces.NAMEID_TRANSIENT
                : SamlNamespaces.NAMEID_PERSISTENT;
    }

    static String value(String format, String baseId, String spEntityId) {
        return SamlNamespaces.NAMEID_TRANSIENT.equals(format) ? transientValue() : persistentValue(baseId, spEntityId);
    }

    static String persistentValue(String baseId, String spEntityId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("govid-simulator-pvp-nameid|" + baseId + "|" + spEntityId)
                            .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String transientValue() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}
