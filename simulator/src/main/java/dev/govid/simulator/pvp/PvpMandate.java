package dev.govid.simulator.pvp;

import java.time.LocalDate;

/**
 * What a representative acts under: the mandate type (profile), its OID, a reference value, the validity
 * and the represented party. {@code professionalRepresentative} is set when the representative acts by
 * office (lawyer, notary, …) rather than by a stored mandate.
 */
public record PvpMandate(
        String type,
        String typeOid,
        String referenceValue,
        LocalDate validFrom,
        LocalDate validTo,
        Mandator mandator,
        ProfessionalRepresentative professionalRepresentative) {

    /** The represented party. */
    public sealed interface Mandator permits NaturalMandator, LegalMandator {}

    /** A natural person; {@code baseId} feeds MANDATOR-NATURAL-PERSON-BPK like the representative's. */
    public record NaturalMandator(String givenName, String familyName, LocalDate birthDate, String baseId)
            implements Mandator {}

    /**
     * A legal person identified in a register: {@code sourcePin} is the register number (e.g. {@code 123456a}),
     * {@code sourcePinType} the register ({@code urn:publicid:gv.at:baseid+XFN} = company register).
     */
    public record LegalMandator(String fullName, String sourcePin, String sourcePinType) implements Mandator {}

    /** Acting by office: the professional group's OID and its name. */
    public record ProfessionalRepresentative(String oid, String description) {}
}
