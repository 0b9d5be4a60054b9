package dev.govid.keycloak.mandate;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One login made on behalf of someone else. The acting subject is the person who authenticated (their
 * person key is the login's own key); the mandator is who they act for. Source-specific detail (Austrian
 * mandate type and OID, professional-representative OID, reference value, the full mandate document) sits
 * in optional fields, so other sources fill what they have and consumers read one shape.
 *
 * @param source       where the mandate came from, e.g. {@code AT-PVP}
 * @param mandator     the represented party
 * @param type         mandate type / profile name (e.g. {@code GeneralvollmachtBilateral})
 * @param typeOid      OID of the mandate profile, if the source names one
 * @param referenceValue transaction or reference number of the mandate
 * @param professionalRepresentative set when a professional representative or Organwalter acts by office
 * @param validFrom    start of validity, if known
 * @param validTo      end of validity, if known
 * @param fullMandate  the complete mandate document as delivered (e.g. base64 {@code md:Mandate} XML)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mandate(
        String source,
        Mandator mandator,
        String type,
        String typeOid,
        String referenceValue,
        ProfessionalRepresentative professionalRepresentative,
        LocalDate validFrom,
        LocalDate validTo,
        String fullMandate) {

    /** The represented party: a natural person (names, birthdate) or a legal person (full name). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mandator(
            MandatorKind kind,
            String givenName,
            String familyName,
            LocalDate birthdate,
            String fullName,
            String identifier,
            String identifierType) {

        /** A name for people and logs: "Given Family" or the legal name. */
        @JsonIgnore
        public String displayName() {
            if (kind == MandatorKind.LEGAL) {
                return fullName;
            }
            return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        }
    }

    /** Acting by office: a professional representative (lawyer, notary, …) or an Organwalter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProfessionalRepresentative(String oid, String description) {}

    /** Length of the validity period in days, when both ends are known. */
    @JsonIgnore
    public Optional<Long> validityDays() {
        if (validFrom == null || validTo == null) {
            return Optional.empty();
        }
        return Optional.of(java.time.temporal.ChronoUnit.DAYS.between(validFrom, validTo));
    }
}
