package dev.govid.keycloak.pvp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PVP 2 attribute profile (2.1.2, with the E-ID additions) as a typed catalogue: OID, friendly name,
 * value format and the longest value we accept. Attributes are matched on the wire by {@code Name}
 * ({@code urn:oid:…}).
 */
public enum PvpAttribute {
    PVP_VERSION("PVP-VERSION", "1.2.40.0.10.2.1.1.261.10", PvpValueFormat.TEXT, 10, "pvp_version"),
    SECCLASS("SECCLASS", "1.2.40.0.10.2.1.1.261.110", PvpValueFormat.NUMBER, 1, "secclass"),
    PRINCIPAL_NAME("PRINCIPAL-NAME", "1.2.40.0.10.2.1.1.261.20", PvpValueFormat.TEXT, 128, "family_name"),
    GIVEN_NAME("GIVEN-NAME", "2.5.4.42", PvpValueFormat.TEXT, 128, "given_name"),
    BIRTHDATE("BIRTHDATE", "1.2.40.0.10.2.1.1.55", PvpValueFormat.DATE, 10, "birthdate"),
    BPK("BPK", "1.2.40.0.10.2.1.1.149", PvpValueFormat.BPK, 1024, "bpk"),
    ENC_BPK_LIST("ENC-BPK-LIST", "1.2.40.0.10.2.1.1.261.22", PvpValueFormat.TEXT, 32768, "enc_bpk_list"),
    BPK_LIST("BPK-LIST", "1.2.40.0.10.2.1.1.261.28", PvpValueFormat.TEXT, 32768, "bpk_list"),
    MAIL("MAIL", "0.9.2342.19200300.100.1.3", PvpValueFormat.MAIL, 256, "email"),
    TEL("TEL", "2.5.4.20", PvpValueFormat.TEXT, 32, "phone_number"),
    USERID("USERID", "0.9.2342.19200300.100.1.1", PvpValueFormat.TEXT, 255, "userid"),
    GID("GID", "1.2.40.0.10.2.1.1.1", PvpValueFormat.TEXT, 255, "gid"),
    PARTICIPANT_ID("PARTICIPANT-ID", "1.2.40.0.10.2.1.1.71", PvpValueFormat.TEXT, 255, "participant_id"),
    OU("OU", "2.5.4.11", PvpValueFormat.TEXT, 255, "ou"),
    OU_OKZ("OU-OKZ", "1.2.40.0.10.2.1.1.153", PvpValueFormat.TEXT, 255, "ou_okz"),
    FUNCTION("FUNCTION", "1.2.40.0.10.2.1.1.33", PvpValueFormat.TEXT, 255, "function"),
    ROLES("ROLES", "1.2.40.0.10.2.1.1.261.30", PvpValueFormat.TEXT, 32768, "roles"),
    EID_CITIZEN_QAA_LEVEL("EID-CITIZEN-QAA-LEVEL", "1.2.40.0.10.2.1.1.261.94", PvpValueFormat.TEXT, 32, "qaa_level"),
    /** ID Austria's level (an eIDAS LoA URI). OID from the PVP table; ID Austria's own pages confirm only the OIDC claim. */
    EID_CITIZEN_QAA_EIDAS_LEVEL(
            "EID-CITIZEN-QAA-EIDAS-LEVEL", "1.2.40.0.10.2.1.1.261.108", PvpValueFormat.URI, 255, "qaa_eidas_level"),
    EID_ISSUING_NATION("EID-ISSUING-NATION", "1.2.40.0.10.2.1.1.261.32", PvpValueFormat.COUNTRY, 2, "issuing_nation"),
    EID_SECTOR_FOR_IDENTIFIER(
            "EID-SECTOR-FOR-IDENTIFIER", "1.2.40.0.10.2.1.1.261.34", PvpValueFormat.URI, 255, "sector_for_identifier"),
    EID_SOURCE_PIN("EID-SOURCE-PIN", "1.2.40.0.10.2.1.1.261.36", PvpValueFormat.TEXT, 255, "source_pin"),
    EID_SOURCE_PIN_TYPE("EID-SOURCE-PIN-TYPE", "1.2.40.0.10.2.1.1.261.104", PvpValueFormat.URI, 255, "source_pin_type"),
    EID_IDENTITY_LINK("EID-IDENTITY-LINK", "1.2.40.0.10.2.1.1.261.38", PvpValueFormat.BASE64, 131072, "identity_link"),
    EID_ONLINE_IDENTITY_LINK(
            "EID-ONLINE-IDENTITY-LINK",
            "1.2.40.0.10.2.1.1.261.39",
            PvpValueFormat.TEXT,
            131072,
            "online_identity_link"),
    EID_AUTH_BLOCK("EID-AUTH-BLOCK", "1.2.40.0.10.2.1.1.261.62", PvpValueFormat.BASE64, 131072, "auth_block"),
    EID_CCS_URL("EID-CCS-URL", "1.2.40.0.10.2.1.1.261.64", PvpValueFormat.URI, 1024, "ccs_url"),
    EID_SIGNER_CERTIFICATE(
            "EID-SIGNER-CERTIFICATE", "1.2.40.0.10.2.1.1.261.66", PvpValueFormat.BASE64, 32768, "signer_certificate"),
    EID_IDENTITY_STATUS_LEVEL(
            "EID-IDENTITY-STATUS-LEVEL", "1.2.40.0.10.2.1.1.261.109", PvpValueFormat.URI, 255, "identity_status_level"),
    MANDATE_TYPE("MANDATE-TYPE", "1.2.40.0.10.2.1.1.261.68", PvpValueFormat.TEXT, 255, "mandate_type"),
    MANDATE_TYPE_OID("MANDATE-TYPE-OID", "1.2.40.0.10.2.1.1.261.106", PvpValueFormat.OID, 255, "mandate_type_oid"),
    MANDATOR_NATURAL_PERSON_SOURCE_PIN(
            "MANDATOR-NATURAL-PERSON-SOURCE-PIN",
            "1.2.40.0.10.2.1.1.261.70",
            PvpValueFormat.TEXT,
            255,
            "mandator_source_pin"),
    MANDATOR_NATURAL_PERSON_SOURCE_PIN_TYPE(
            "MANDATOR-NATURAL-PERSON-SOURCE-PIN-TYPE",
            "1.2.40.0.10.2.1.1.261.102",
            PvpValueFormat.URI,
            255,
            "mandator_source_pin_type"),
    MANDATOR_NATURAL_PERSON_ENC_BPK_LIST(
            "MANDATOR-NATURAL-PERSON-ENC-BPK-LIST",
            "1.2.40.0.10.2.1.1.261.72",
            PvpValueFormat.TEXT,
            32768,
            "mandator_enc_bpk_list"),
    MANDATOR_NATURAL_PERSON_BPK_LIST(
            "MANDATOR-NATURAL-PERSON-BPK-LIST",
            "1.2.40.0.10.2.1.1.261.73",
            PvpValueFormat.TEXT,
            32768,
            "mandator_bpk_list"),
    MANDATOR_LEGAL_PERSON_SOURCE_PIN_TYPE(
            "MANDATOR-LEGAL-PERSON-SOURCE-PIN-TYPE",
            "1.2.40.0.10.2.1.1.261.76",
            PvpValueFormat.URI,
            255,
            "mandator_legal_source_pin_type"),
    MANDATOR_NATURAL_PERSON_GIVEN_NAME(
            "MANDATOR-NATURAL-PERSON-GIVEN-NAME",
            "1.2.40.0.10.2.1.1.261.78",
            PvpValueFormat.TEXT,
            128,
            "mandator_given_name"),
    MANDATOR_NATURAL_PERSON_FAMILY_NAME(
            "MANDATOR-NATURAL-PERSON-FAMILY-NAME",
            "1.2.40.0.10.2.1.1.261.80",
            PvpValueFormat.TEXT,
            128,
            "mandator_family_name"),
    MANDATOR_NATURAL_PERSON_BIRTHDATE(
            "MANDATOR-NATURAL-PERSON-BIRTHDATE",
            "1.2.40.0.10.2.1.1.261.82",
            PvpValueFormat.DATE,
            10,
            "mandator_birthdate"),
    MANDATOR_LEGAL_PERSON_FULL_NAME(
            "MANDATOR-LEGAL-PERSON-FULL-NAME",
            "1.2.40.0.10.2.1.1.261.84",
            PvpValueFormat.TEXT,
            512,
            "mandator_full_name"),
    MANDATE_PROF_REP_OID("MANDATE-PROF-REP-OID", "1.2.40.0.10.2.1.1.261.86", PvpValueFormat.OID, 255, "prof_rep_oid"),
    MANDATE_PROF_REP_DESCRIPTION(
            "MANDATE-PROF-REP-DESCRIPTION",
            "1.2.40.0.10.2.1.1.261.88",
            PvpValueFormat.TEXT,
            512,
            "prof_rep_description"),
    MANDATE_REFERENCE_VALUE(
            "MANDATE-REFERENCE-VALUE", "1.2.40.0.10.2.1.1.261.90", PvpValueFormat.TEXT, 255, "mandate_reference_value"),
    MANDATE_FULL_MANDATE(
            "MANDATE-FULL-MANDATE", "1.2.40.0.10.2.1.1.261.92", PvpValueFormat.BASE64, 262144, "full_mandate"),
    MANDATOR_NATURAL_PERSON_BPK(
            "MANDATOR-NATURAL-PERSON-BPK", "1.2.40.0.10.2.1.1.261.98", PvpValueFormat.BPK, 1024, "mandator_bpk"),
    MANDATOR_LEGAL_PERSON_SOURCE_PIN(
            "MANDATOR-LEGAL-PERSON-SOURCE-PIN",
            "1.2.40.0.10.2.1.1.261.100",
            PvpValueFormat.TEXT,
            255,
            "mandator_legal_source_pin");

    private final String friendlyName;
    private final String oid;
    private final PvpValueFormat format;
    private final int maxLength;
    private final String claimName;

    PvpAttribute(String friendlyName, String oid, PvpValueFormat format, int maxLength, String claimName) {
        this.friendlyName = friendlyName;
        this.oid = oid;
        this.format = format;
        this.maxLength = maxLength;
        this.claimName = claimName;
    }

    public String friendlyName() {
        return friendlyName;
    }

    /** The SAML attribute {@code Name}. */
    public String uri() {
        return "urn:oid:" + oid;
    }

    public PvpValueFormat format() {
        return format;
    }

    public int maxLength() {
        return maxLength;
    }

    public String claimName() {
        return claimName;
    }

    public boolean isMandateAttribute() {
        return name().startsWith("MANDATE") || name().startsWith("MANDATOR");
    }

    /** Null when the value is acceptable, else why not (for logs and the error page). */
    public String problemWith(String value) {
        if (value.length() > maxLength) {
            return friendlyName + " is longer than " + maxLength + " characters";
        }
        if (!format.accepts(value)) {
            return friendlyName + " is not a valid " + format.name().toLowerCase(java.util.Locale.ROOT) + " value";
        }
        return null;
    }

    public static Optional<PvpAttribute> byUri(String name) {
        return Arrays.stream(values()).filter(a -> a.uri().equals(name)).findFirst();
    }

    public static Optional<PvpAttribute> lookup(String nameOrUri) {
        if (nameOrUri == null) {
            return Optional.empty();
        }
        String n = nameOrUri.trim();
        return Arrays.stream(values())
                .filter(a -> a.friendlyName.equalsIgnoreCase(n) || a.uri().equals(n) || a.oid.equals(n))
                .findFirst();
    }

    public static List<String> friendlyNames() {
        return Arrays.stream(values()).map(PvpAttribute::friendlyName).collect(Collectors.toList());
    }

    public static List<PvpAttribute> mandateAttributes() {
        return Arrays.stream(values()).filter(PvpAttribute::isMandateAttribute).collect(Collectors.toList());
    }
}
