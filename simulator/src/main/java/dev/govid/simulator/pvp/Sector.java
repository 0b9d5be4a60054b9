package dev.govid.simulator.pvp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The sector (Bereich) an SP's bPKs are computed for: a public-sector code such as {@code BF} or {@code GH},
 * or a private-sector register number such as {@code XFN+468924i} (which makes it a wbPK).
 */
public record Sector(String code) {
    /** Sector of SPs that no {@code pvpSector} setting names. */
    public static final Sector DEFAULT = new Sector("BF");

    public Sector {
        if (code == null || code.isBlank() || code.contains(":")) {
            throw new IllegalArgumentException("not a sector code: " + code);
        }
        code = code.trim();
    }

    /** Private-sector identifiers carry the register, e.g. {@code XFN+468924i}; public codes never contain '+'. */
    public boolean isPrivate() {
        return code.contains("+");
    }

    /** EID-SECTOR-FOR-IDENTIFIER: {@code urn:publicid:gv.at:cdid+BF} or {@code urn:publicid:gv.at:wbpk+XFN+…}. */
    public String identifierUrn() {
        return (isPrivate() ? "urn:publicid:gv.at:wbpk+" : "urn:publicid:gv.at:cdid+") + code;
    }

    /**
     * The bPK value without prefix: base64(SHA-1(baseId + "+" + code)). This is the simulator's documented rule,
     * not a claim about the official derivation; relying parties only need it to be stable per person and
     * sector and different across sectors.
     */
    public String bpkValue(String baseId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest((baseId + "+" + code).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    /** The BPK attribute value: {@code <code>:<bpkValue>}. */
    public String bpkAttribute(String baseId) {
        return code + ":" + bpkValue(baseId);
    }
}
