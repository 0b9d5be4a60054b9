package dev.govid.keycloak.pvp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bereichsspezifisches Personenkennzeichen as PVP delivers it: {@code <sector>:<value>}. Public-sector
 * sectors are short codes ({@code BF}, {@code GH}, {@code SA-RE}); a private-sector (wirtschaftsbereichs-
 * spezifisches) bPK names the operator's register number ({@code XFN+468924i}, {@code FN+468924i},
 * {@code XZVR+…}, {@code XERSB+…}).
 */
public record Bpk(String sector, String value) {

    private static final Pattern PUBLIC_SECTOR = Pattern.compile("[A-Z]{1,5}(-[A-Z]{1,5})?");
    private static final Pattern PRIVATE_SECTOR = Pattern.compile("X?(FN|ZVR|ERSB|ERJ)\\+[A-Za-z0-9]{1,20}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9+/]{20,700}={0,2}");
    private static final Pattern FULL = Pattern.compile("([^:]{1,40}):(.+)");

    public static Optional<Bpk> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = FULL.matcher(raw.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String sector = m.group(1);
        String value = m.group(2);
        if (!(PUBLIC_SECTOR.matcher(sector).matches()
                || PRIVATE_SECTOR.matcher(sector).matches())) {
            return Optional.empty();
        }
        if (!VALUE.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Bpk(sector, value));
    }

    /** A wbPK: the sector is a company/association register number, not a public-sector code. */
    public boolean isPrivateSector() {
        return PRIVATE_SECTOR.matcher(sector).matches();
    }

    /** The identifier type URN as the E-ID system writes it in EID-SECTOR-FOR-IDENTIFIER. */
    public String identifierType() {
        return isPrivateSector() ? "urn:publicid:gv.at:wbpk+" + sector : "urn:publicid:gv.at:cdid+" + sector;
    }

    /** Whether this bPK belongs to the configured sector ({@code BF}, {@code urn:publicid:gv.at:cdid+BF}, {@code XFN+468924i}, …). */
    public boolean belongsTo(String configuredSector) {
        if (configuredSector == null || configuredSector.isBlank()) {
            return true;
        }
        String s = configuredSector.trim();
        int plus = s.indexOf("cdid+");
        if (plus >= 0) {
            s = s.substring(plus + "cdid+".length());
        } else if (s.contains("wbpk+")) {
            s = s.substring(s.indexOf("wbpk+") + "wbpk+".length());
        }
        return normalisePrivate(s).equals(normalisePrivate(sector));
    }

    private static String normalisePrivate(String sector) {
        return sector.startsWith("X") && sector.contains("+") ? sector.substring(1) : sector;
    }

    @Override
    public String toString() {
        return sector + ":" + value;
    }
}
