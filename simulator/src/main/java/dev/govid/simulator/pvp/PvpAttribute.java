package dev.govid.simulator.pvp;

import java.util.Arrays;
import java.util.Optional;

/** The PVP 2 attributes the simulator can release ({@code Name="urn:oid:…"}, NameFormat uri). */
public enum PvpAttribute {
    PVP_VERSION("1.2.40.0.10.2.1.1.261.10", "PVP-VERSION", false),
    SECCLASS("1.2.40.0.10.2.1.1.261.110", "SECCLASS", false),
    EID_CITIZEN_QAA_LEVEL("1.2.40.0.10.2.1.1.261.94", "EID-CITIZEN-QAA-LEVEL", false),
    /** ID Austria's level attribute (eIDAS LoA URI); the OID follows the PVP table, ID Austria's pages do not confirm it. */
    EID_CITIZEN_QAA_EIDAS_LEVEL("1.2.40.0.10.2.1.1.261.108", "EID-CITIZEN-QAA-EIDAS-LEVEL", false),
    BPK("1.2.40.0.10.2.1.1.149", "BPK", false),
    EID_SECTOR_FOR_IDENTIFIER("1.2.40.0.10.2.1.1.261.34", "EID-SECTOR-FOR-IDENTIFIER", false),
    GIVEN_NAME("2.5.4.42", "GIVEN-NAME", false),
    PRINCIPAL_NAME("1.2.40.0.10.2.1.1.261.20", "PRINCIPAL-NAME", false),
    BIRTHDATE("1.2.40.0.10.2.1.1.55", "BIRTHDATE", false),
    MAIL("0.9.2342.19200300.100.1.3", "MAIL", false),
    EID_ISSUING_NATION("1.2.40.0.10.2.1.1.261.32", "EID-ISSUING-NATION", false),
    EID_CCS_URL("1.2.40.0.10.2.1.1.261.64", "EID-CCS-URL", false),
    EID_IDENTITY_STATUS_LEVEL("1.2.40.0.10.2.1.1.261.109", "EID-IDENTITY-STATUS-LEVEL", false),

    MANDATE_TYPE("1.2.40.0.10.2.1.1.261.68", "MANDATE-TYPE", true),
    MANDATE_TYPE_OID("1.2.40.0.10.2.1.1.261.106", "MANDATE-TYPE-OID", true),
    MANDATE_REFERENCE_VALUE("1.2.40.0.10.2.1.1.261.90", "MANDATE-REFERENCE-VALUE", true),
    MANDATE_FULL_MANDATE("1.2.40.0.10.2.1.1.261.92", "MANDATE-FULL-MANDATE", true),
    MANDATOR_NATURAL_PERSON_GIVEN_NAME("1.2.40.0.10.2.1.1.261.78", "MANDATOR-NATURAL-PERSON-GIVEN-NAME", true),
    MANDATOR_NATURAL_PERSON_FAMILY_NAME("1.2.40.0.10.2.1.1.261.80", "MANDATOR-NATURAL-PERSON-FAMILY-NAME", true),
    MANDATOR_NATURAL_PERSON_BIRTHDATE("1.2.40.0.10.2.1.1.261.82", "MANDATOR-NATURAL-PERSON-BIRTHDATE", true),
    MANDATOR_NATURAL_PERSON_BPK("1.2.40.0.10.2.1.1.261.98", "MANDATOR-NATURAL-PERSON-BPK", true),
    MANDATOR_LEGAL_PERSON_FULL_NAME("1.2.40.0.10.2.1.1.261.84", "MANDATOR-LEGAL-PERSON-FULL-NAME", true),
    MANDATOR_LEGAL_PERSON_SOURCE_PIN("1.2.40.0.10.2.1.1.261.100", "MANDATOR-LEGAL-PERSON-SOURCE-PIN", true),
    MANDATOR_LEGAL_PERSON_SOURCE_PIN_TYPE("1.2.40.0.10.2.1.1.261.76", "MANDATOR-LEGAL-PERSON-SOURCE-PIN-TYPE", true),
    MANDATE_PROF_REP_OID("1.2.40.0.10.2.1.1.261.86", "MANDATE-PROF-REP-OID", true),
    MANDATE_PROF_REP_DESCRIPTION("1.2.40.0.10.2.1.1.261.88", "MANDATE-PROF-REP-DESCRIPTION", true);

    /** The value of PVP-VERSION that ID Austria (E-ID) sends. */
    public static final String PVP_VERSION_VALUE = "2.2";
    /**
     * EID-CCS-URL (the citizen-card environment used) of the simulator's Austrian logins. A fixed address under the
     * reserved {@code .test} domain: it names the environment, nobody is meant to open it.
     */
    public static final String SIMULATED_CCS_URL = "https://eid.simulator.test/ccs";
    /** EID-IDENTITY-STATUS-LEVEL of ID Austria test identities. */
    public static final String TEST_IDENTITY_STATUS = "http://eid.gv.at/eID/status/testidentity";

    private final String oid;
    private final String friendlyName;
    private final boolean mandate;

    PvpAttribute(String oid, String friendlyName, boolean mandate) {
        this.oid = oid;
        this.friendlyName = friendlyName;
        this.mandate = mandate;
    }

    /** The SAML attribute Name: {@code urn:oid:<oid>}. */
    public String urn() {
        return "urn:oid:" + oid;
    }

    public String friendlyName() {
        return friendlyName;
    }

    /** Mandate attributes describe the represented party and are released only on explicit request. */
    public boolean isMandate() {
        return mandate;
    }

    public static Optional<PvpAttribute> fromUrn(String name) {
        return Arrays.stream(values()).filter(a -> a.urn().equals(name)).findFirst();
    }
}
