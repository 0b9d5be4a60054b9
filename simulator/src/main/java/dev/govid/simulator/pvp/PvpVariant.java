package dev.govid.simulator.pvp;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an ID Austria answer may differ from the MOA-ID-era profile the simulator follows by default. Unlike a
 * {@link dev.govid.simulator.Fault} (a broken or hostile response), a variant is a well-formed, signed response
 * as a real IdP may send it; the relying party must read it correctly or refuse it with a clear reason. The wire
 * name is the value of the {@code variant} form field.
 */
public enum PvpVariant {
    NONE("none", "Wie angefragt (Standard)"),
    /** ID Austria: the level only as EID-CITIZEN-QAA-EIDAS-LEVEL; the class reference is not a level; no STORK/SECCLASS. */
    EIDAS_LEVEL_ATTRIBUTE_ONLY(
            "eidas-level-attribute-only", "Niveau nur als EID-CITIZEN-QAA-EIDAS-LEVEL (wie ID Austria)"),
    /** The eIDAS-level attribute says one level less than the class reference. */
    LEVELS_DISAGREE("levels-disagree", "EID-CITIZEN-QAA-EIDAS-LEVEL eine Stufe unter dem AuthnContextClassRef"),
    PVP_VERSION_MISSING("pvp-version-missing", "Ohne PVP-VERSION"),
    PVP_VERSION_1_0("pvp-version-1.0", "PVP-VERSION 1.0"),
    PVP_VERSION_2_1("pvp-version-2.1", "PVP-VERSION 2.1 (MOA-ID)"),
    /** bPK of the SP's sector, but EID-SECTOR-FOR-IDENTIFIER names another (GH, or BF for a GH SP). */
    SECTOR_MISMATCH("sector-mismatch", "EID-SECTOR-FOR-IDENTIFIER eines anderen Bereichs als der bPK"),
    /** The person is marked as ID Austria test identity (EID-IDENTITY-STATUS-LEVEL), whatever the persona says. */
    TEST_IDENTITY_STATUS("test-identity-status", "Als Testidentität markiert (EID-IDENTITY-STATUS-LEVEL)"),
    /** The mandate document's validity ended on 2025-06-30. */
    EXPIRED_MANDATE("expired-mandate", "Vollmacht laut Dokument abgelaufen (ValidTo 2025-06-30)"),
    /** A mandate persona's mandate is sent although the request did not ask for one ("für mich selbst"). */
    MANDATE_UNASKED("mandate-unasked", "Vollmacht senden, obwohl keine angefragt war");

    /** A class reference that names how, not how securely, the person logged in (as SAML's generic classes do). */
    public static final String NON_LEVEL_CLASS_REF = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";

    private final String wireName;
    private final String label;

    PvpVariant(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<PvpVariant> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }
}
