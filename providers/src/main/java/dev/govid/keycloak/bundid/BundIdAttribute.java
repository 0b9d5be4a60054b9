package dev.govid.keycloak.bundid;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * BundID's attribute catalogue (Schnittstellenbeschreibung 10.2). Attributes are matched by {@code Name}
 * (the OID URN), never by FriendlyName; the friendly name is what admins pick and what claims are called.
 */
public enum BundIdAttribute {
    GIVEN_NAME("givenName", "urn:oid:2.5.4.42", "given_name"),
    SURNAME("surname", "urn:oid:2.5.4.4", "family_name"),
    MAIL("mail", "urn:oid:0.9.2342.19200300.100.1.3", "email"),
    POSTAL_ADDRESS("postalAddress", "urn:oid:2.5.4.16", "street_address"),
    POSTAL_CODE("postalCode", "urn:oid:2.5.4.17", "postal_code"),
    LOCALITY_NAME("localityName", "urn:oid:2.5.4.7", "locality"),
    COUNTRY("country", "urn:oid:1.2.40.0.10.2.1.1.225599", "country"),
    PERSONAL_TITLE("personalTitle", "urn:oid:0.9.2342.19200300.100.1.40", "personal_title"),
    GENDER("gender", "urn:oid:1.3.6.1.4.1.33592.1.3.5", "gender"),
    BIRTHDATE("birthdate", "urn:oid:1.2.40.0.10.2.1.1.55", "birthdate"),
    PLACE_OF_BIRTH("placeOfBirth", "urn:oid:1.3.6.1.5.5.7.9.2", "place_of_birth"),
    BIRTH_NAME("birthName", "urn:oid:1.2.40.0.10.2.1.1.225566", "birth_name"),
    NATIONALITY("nationality", "urn:oid:1.2.40.0.10.2.1.1.225577", "nationality"),
    DOCUMENT_TYPE("documentType", "urn:oid:1.2.40.0.10.2.1.1.552255", "document_type"),
    TELEPHONE_NUMBER("telephoneNumber", "urn:oid:2.5.4.20", "phone_number"),
    EIDAS_ISSUING_COUNTRY("eIDAS-Issuing-Country", "urn:oid:1.3.6.1.4.1.25484.494450.10.1", "eidas_issuing_country"),
    COMMUNITY_ID("communityId", "urn:oid:1.3.6.1.4.1.25484.494450.5", "community_id"),
    BPK("bPK", "urn:oid:1.2.40.0.10.2.1.1.149", "bpk"),
    BPK2("bPK2", "urn:oid:1.3.6.1.4.1.25484.494450.3", "bpk2"),
    CITIZEN_QAA_LEVEL("EID-CITIZEN-QAA-LEVEL", "urn:oid:1.2.40.0.10.2.1.1.261.94", "qaa_level"),
    VERSION("Version", "urn:oid:1.3.6.1.4.1.25484.494450.1", "version"),
    ASSERTION_PROVED_BY("AssertionProvedBy", "urn:oid:1.3.6.1.4.1.25484.494450.2", "assertion_proved_by"),
    LEGACY_POSTKORB_HANDLE("legacyPostkorbHandle", "urn:oid:2.5.4.18", "postkorb_handle"),
    APPLICATION_ID("applicationId", "urn:oid:1.3.6.1.4.1.25484.494450.4", "application_id"),
    PSEUDONYM("pseudonym", "urn:oid:1.2.40.0.10.2.1.1.226699", "pseudonym"),
    MFA("mfa", "urn:oid:1.3.6.1.4.1.25484.494450.7", "mfa");

    private final String friendlyName;
    private final String oid;
    private final String claimName;

    BundIdAttribute(String friendlyName, String oid, String claimName) {
        this.friendlyName = friendlyName;
        this.oid = oid;
        this.claimName = claimName;
    }

    public String friendlyName() {
        return friendlyName;
    }

    /** The SAML attribute {@code Name}: an OID URN. */
    public String oid() {
        return oid;
    }

    /** The key under which the value appears in the {@code bundid} token claim. */
    public String claimName() {
        return claimName;
    }

    /** Accepts the friendly name (case-insensitive), the enum name or the OID, as admins type any of them. */
    public static Optional<BundIdAttribute> lookup(String nameOrOid) {
        if (nameOrOid == null) {
            return Optional.empty();
        }
        String n = nameOrOid.trim();
        return Arrays.stream(values())
                .filter(a -> a.friendlyName.equalsIgnoreCase(n) || a.name().equalsIgnoreCase(n) || a.oid.equals(n))
                .findFirst();
    }

    public static List<String> friendlyNames() {
        return Arrays.stream(values()).map(BundIdAttribute::friendlyName).collect(Collectors.toList());
    }
}
