package dev.govid.keycloak.mandate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Decides whether a login's mandate (or its absence) is acceptable for a client. Pure logic: the eID
 * profiles call it with what they read from the response and refuse the login on a violation.
 */
public final class RepresentationCheck {

    /** Austrian mandates are dated in Austrian calendar days. */
    public static final ZoneId MANDATE_ZONE = ZoneId.of("Europe/Vienna");

    private RepresentationCheck() {}

    /**
     * @param mandate              the mandate the eID system delivered, if any
     * @param representationAsked  whether the person chose "on behalf of someone" before the login
     * @param foreignPerson        whether the acting person is not Austrian (eIDAS login)
     */
    public static Optional<MandateViolation> check(
            RepresentationRules rules, Optional<Mandate> mandate, boolean representationAsked, boolean foreignPerson) {
        return check(rules, mandate, representationAsked, false, foreignPerson, LocalDate.now(MANDATE_ZONE));
    }

    /**
     * @param declaredSelf the person answered "for myself" in this login; a mandate the eID system sends anyway is
     *                     refused rather than dropped: the person chose it at the eID system against their own answer,
     *                     so neither a token for them alone nor one on behalf of someone is what they evidently meant
     * @param today        the day the mandate's own validity (if its document states one) is checked against
     */
    public static Optional<MandateViolation> check(
            RepresentationRules rules,
            Optional<Mandate> mandate,
            boolean representationAsked,
            boolean declaredSelf,
            boolean foreignPerson,
            LocalDate today) {
        if (mandate.isEmpty()) {
            if (rules.mode() == RepresentationMode.REQUIRED) {
                return Optional.of(MandateViolation.MANDATE_REQUIRED);
            }
            if (representationAsked && rules.allowsRepresentation()) {
                // The service can be used without a mandate: say that the chosen "on behalf" found none.
                return Optional.of(MandateViolation.MANDATE_NOT_CHOSEN);
            }
            return Optional.empty();
        }
        if (!rules.allowsRepresentation()) {
            return Optional.of(MandateViolation.REPRESENTATION_OFF);
        }
        if (declaredSelf) {
            return Optional.of(MandateViolation.NOT_REQUESTED);
        }
        if (rules.privateSector()) {
            return Optional.of(MandateViolation.PRIVATE_SECTOR);
        }
        if (foreignPerson) {
            return Optional.of(MandateViolation.FOREIGN_PERSON);
        }
        if (rules.acceptedProfiles().isEmpty()) {
            return Optional.of(MandateViolation.NO_MANDATE_PROFILES);
        }
        Mandate m = mandate.get();
        if (!profileAccepted(rules, m)) {
            return Optional.of(MandateViolation.INVALID_MANDATE);
        }
        if (m.mandator() == null
                || !rules.acceptedMandators().contains(m.mandator().kind())) {
            return Optional.of(MandateViolation.INVALID_MANDATE);
        }
        if ((m.validTo() != null && m.validTo().isBefore(today))
                || (m.validFrom() != null && m.validFrom().isAfter(today))) {
            return Optional.of(MandateViolation.MANDATE_EXPIRED);
        }
        if (rules.maxValidityDays().isPresent()) {
            Optional<Long> days = m.validityDays();
            if (days.isEmpty() || days.get() > rules.maxValidityDays().get()) {
                return Optional.of(MandateViolation.INVALID_MANDATE);
            }
        }
        return Optional.empty();
    }

    private static boolean profileAccepted(RepresentationRules rules, Mandate mandate) {
        for (String profile : rules.acceptedProfiles()) {
            if (profile.equals("*")
                    || profile.equalsIgnoreCase(mandate.type())
                    || profile.equals(mandate.typeOid())
                    || (mandate.professionalRepresentative() != null
                            && profile.equals(
                                    mandate.professionalRepresentative().oid()))) {
                return true;
            }
        }
        return false;
    }
}
