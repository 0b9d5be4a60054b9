package dev.govid.keycloak.pvp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/** How a PVP attribute value must look; values that do not are refused, not passed on. */
public enum PvpValueFormat {
    TEXT,
    DATE,
    BPK,
    BASE64,
    OID,
    URI,
    NUMBER,
    COUNTRY,
    MAIL;

    private static final Pattern OID_PATTERN = Pattern.compile("[0-2](\\.\\d+)+");
    private static final Pattern COUNTRY_PATTERN = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER_PATTERN = Pattern.compile("\\d{1,9}");

    boolean accepts(String value) {
        return switch (this) {
            case TEXT, URI -> !value.isBlank() && value.chars().noneMatch(c -> c < 0x20 && c != '\t');
            case MAIL -> value.contains("@") && value.chars().noneMatch(Character::isWhitespace);
            case DATE -> isDate(value);
            case BPK -> Bpk.parse(value).isPresent();
            case BASE64 -> isBase64(value);
            case OID -> OID_PATTERN.matcher(value).matches();
            case NUMBER -> NUMBER_PATTERN.matcher(value).matches();
            case COUNTRY -> COUNTRY_PATTERN.matcher(value).matches();
        };
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getMimeDecoder().decode(value);
            return !value.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
