package dev.govid.simulator.digid;

import java.util.Arrays;
import java.util.Optional;

/** DigiD's levels in the 3.x and 4.x vocabularies. */
public enum DigidLevel {
    BASIS("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", "http://eID.logius.nl/LoA/basic"),
    MIDDEN("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", "http://eidas.europa.eu/LoA/low"),
    SUBSTANTIEEL("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", "http://eidas.europa.eu/LoA/substantial"),
    HOOG("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", "http://eidas.europa.eu/LoA/high");

    private final String v3;
    private final String v4;

    DigidLevel(String v3, String v4) {
        this.v3 = v3;
        this.v4 = v4;
    }

    public String write(boolean generation4) {
        return generation4 ? v4 : v3;
    }

    public static Optional<DigidLevel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values())
                .filter(l -> l.name().equalsIgnoreCase(v) || l.v3.equals(v) || l.v4.equalsIgnoreCase(v))
                .findFirst();
    }
}
