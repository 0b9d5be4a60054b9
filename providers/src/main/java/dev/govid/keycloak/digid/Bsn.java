package dev.govid.keycloak.digid;

import java.util.Optional;

/**
 * A Burgerservicenummer: nine digits passing the eleven test. DigiD 3.x writes it as {@code s00000000:<BSN>}
 * (sector code {@code s00000000}); 4.x as a NameID with qualifier {@code urn:nl-eid-gdi:1.0:id:legacy-BSN}.
 */
public record Bsn(String value) {

    public static final String SECTOR_3X = "s00000000";
    /** The identifier type GovID writes for a BSN ({@code sub_id_type} in OIDC-NLGOV's {@code represents}). */
    public static final String ID_TYPE = "urn:nl-eid-gdi:1.0:id:BSN";

    public static final String LEGACY_BSN_QUALIFIER = "urn:nl-eid-gdi:1.0:id:legacy-BSN";

    public static Optional<Bsn> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.trim();
        if (!v.matches("[0-9]{8,9}")) {
            return Optional.empty();
        }
        String padded = v.length() == 8 ? "0" + v : v;
        return elevenTest(padded) ? Optional.of(new Bsn(padded)) : Optional.empty();
    }

    /** A 3.x NameID {@code s00000000:<BSN>}; other sectors (SOFI {@code s00000001}) are not a BSN. */
    public static Optional<Bsn> fromNameId3x(String nameId) {
        if (nameId == null || !nameId.startsWith(SECTOR_3X + ":")) {
            return Optional.empty();
        }
        return parse(nameId.substring(SECTOR_3X.length() + 1));
    }

    static boolean elevenTest(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0 && !nineDigits.equals("000000000");
    }

    @Override
    public String toString() {
        return "BSN ***" + value.substring(6);
    }
}
