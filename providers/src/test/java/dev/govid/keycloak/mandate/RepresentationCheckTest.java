package dev.govid.keycloak.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RepresentationCheckTest {

    private static final Mandate NATURAL = new Mandate(
            "AT-PVP",
            new Mandate.Mandator(
                    MandatorKind.NATURAL,
                    "Karl",
                    "Huber",
                    LocalDate.of(1950, 6, 15),
                    null,
                    "BF:abc",
                    "urn:publicid:gv.at:cdid+BF"),
            "GeneralvollmachtBilateral",
            "1.2.40.0.10.3.1.1",
            "MVR-1",
            null,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2027, 12, 31),
            null);
    private static final Mandate LEGAL = new Mandate(
            "AT-PVP",
            new Mandate.Mandator(
                    MandatorKind.LEGAL,
                    null,
                    null,
                    null,
                    "Musterfirma GmbH",
                    "123456a",
                    "urn:publicid:gv.at:baseid+XFN"),
            "Vertretungsbefugnis",
            null,
            "MVR-2",
            null,
            null,
            null,
            null);
    private static final Mandate LAWYER = new Mandate(
            "AT-PVP",
            new Mandate.Mandator(MandatorKind.NATURAL, "Maria", "Schmidt", null, null, null, null),
            "ProfessionalRepresentative",
            null,
            null,
            new Mandate.ProfessionalRepresentative("1.2.40.0.10.3.1", "Rechtsanwalt"),
            null,
            null,
            null);

    private static RepresentationRules rules(
            RepresentationMode mode,
            List<String> profiles,
            EnumSet<MandatorKind> kinds,
            Integer maxDays,
            boolean privateSector) {
        return new RepresentationRules(mode, profiles, kinds, Optional.ofNullable(maxDays), privateSector);
    }

    private static RepresentationRules optional(List<String> profiles) {
        return rules(RepresentationMode.OPTIONAL, profiles, EnumSet.allOf(MandatorKind.class), null, false);
    }

    @Test
    void acceptsMandatesThatFitTheRules() {
        assertThat(RepresentationCheck.check(
                        optional(List.of("GeneralvollmachtBilateral")), Optional.of(NATURAL), true, false))
                .isEmpty();
        assertThat(RepresentationCheck.check(optional(List.of("1.2.40.0.10.3.1.1")), Optional.of(NATURAL), true, false))
                .as("by type OID")
                .isEmpty();
        assertThat(RepresentationCheck.check(optional(List.of("1.2.40.0.10.3.1")), Optional.of(LAWYER), true, false))
                .as("by prof-rep OID")
                .isEmpty();
        assertThat(RepresentationCheck.check(optional(List.of("*")), Optional.of(LEGAL), true, false))
                .isEmpty();
        assertThat(RepresentationCheck.check(optional(List.of("x")), Optional.empty(), false, false))
                .as("for oneself")
                .isEmpty();
    }

    @Test
    void mapsEveryViolationToItsMoaCode() {
        assertThat(RepresentationCheck.check(
                        rules(RepresentationMode.OFF, List.of("*"), EnumSet.allOf(MandatorKind.class), null, false),
                        Optional.of(NATURAL),
                        false,
                        false))
                .contains(MandateViolation.REPRESENTATION_OFF);
        assertThat(RepresentationCheck.check(
                        rules(
                                RepresentationMode.REQUIRED,
                                List.of("*"),
                                EnumSet.allOf(MandatorKind.class),
                                null,
                                false),
                        Optional.empty(),
                        true,
                        false))
                .contains(MandateViolation.MANDATE_REQUIRED);
        assertThat(RepresentationCheck.check(optional(List.of("*")), Optional.empty(), true, false))
                .contains(MandateViolation.MANDATE_NOT_CHOSEN);
        assertThat(RepresentationCheck.check(
                                rules(
                                        RepresentationMode.OPTIONAL,
                                        List.of("*"),
                                        EnumSet.allOf(MandatorKind.class),
                                        null,
                                        true),
                                Optional.of(NATURAL),
                                true,
                                false)
                        .map(MandateViolation::moaStatusCode))
                .contains("1006");
        assertThat(RepresentationCheck.check(optional(List.of("*")), Optional.of(NATURAL), true, true)
                        .map(MandateViolation::moaStatusCode))
                .contains("1007");
        assertThat(RepresentationCheck.check(optional(List.of()), Optional.of(NATURAL), true, false)
                        .map(MandateViolation::moaStatusCode))
                .contains("9006");
        assertThat(RepresentationCheck.check(
                        optional(List.of("Vertretungsbefugnis")), Optional.of(NATURAL), true, false))
                .as("type not accepted")
                .contains(MandateViolation.INVALID_MANDATE);
        assertThat(RepresentationCheck.check(
                        rules(RepresentationMode.OPTIONAL, List.of("*"), EnumSet.of(MandatorKind.NATURAL), null, false),
                        Optional.of(LEGAL),
                        true,
                        false))
                .as("legal where only natural")
                .contains(MandateViolation.INVALID_MANDATE);
        assertThat(RepresentationCheck.check(
                        rules(RepresentationMode.OPTIONAL, List.of("*"), EnumSet.allOf(MandatorKind.class), 365, false),
                        Optional.of(NATURAL),
                        true,
                        false))
                .as("valid two years, max one")
                .contains(MandateViolation.INVALID_MANDATE);
        assertThat(RepresentationCheck.check(
                        rules(RepresentationMode.OPTIONAL, List.of("*"), EnumSet.allOf(MandatorKind.class), 365, false),
                        Optional.of(LEGAL),
                        true,
                        false))
                .as("unknown validity with a maximum")
                .contains(MandateViolation.INVALID_MANDATE);
    }

    @Test
    void aMandateIsCheckedAgainstItsOwnValidity() {
        RepresentationRules rules = optional(List.of("*"));
        assertThat(RepresentationCheck.check(
                        rules, Optional.of(NATURAL), true, false, false, LocalDate.of(2027, 12, 31)))
                .isEmpty();
        assertThat(RepresentationCheck.check(rules, Optional.of(NATURAL), true, false, false, LocalDate.of(2028, 1, 1)))
                .as("ended")
                .contains(MandateViolation.MANDATE_EXPIRED);
        assertThat(RepresentationCheck.check(
                        rules, Optional.of(NATURAL), true, false, false, LocalDate.of(2025, 12, 31)))
                .as("not yet begun")
                .contains(MandateViolation.MANDATE_EXPIRED);
        assertThat(RepresentationCheck.check(rules, Optional.of(LEGAL), true, false, false, LocalDate.of(2099, 1, 1)))
                .as("no document, no dates: nothing to check")
                .isEmpty();
    }

    @Test
    void aMandateAfterForMyselfIsRefused() {
        assertThat(RepresentationCheck.check(
                        optional(List.of("*")), Optional.of(NATURAL), false, true, false, LocalDate.of(2026, 6, 1)))
                .contains(MandateViolation.NOT_REQUESTED);
        assertThat(RepresentationCheck.check(
                        optional(List.of("*")), Optional.of(NATURAL), false, false, false, LocalDate.of(2026, 6, 1)))
                .as("no answer in this login (SSO for a second client)")
                .isEmpty();
    }
}
