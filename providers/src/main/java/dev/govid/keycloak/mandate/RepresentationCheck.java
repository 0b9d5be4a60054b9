package dev.govid.keycloak.mandate;

import java.util.Optional;

/**
 * Decides whether a login's mandate (or its absence) is acceptable for a client. Pure logic: the eID
 * profiles call it with what they read from the response and refuse the login on a violation.
 */
public final class RepresentationCheck {

    private RepresentationCheck() {
    }

    /**
     * @param mandate              the mandate the eID system delivered, if any
     * @param representationAsked  whether the person chose "on behalf of someone" before the login
     * @param foreignPerson        whether the acting person is not Austrian (eIDAS login)
     */
    public static Optional<MandateViolation> check(RepresentationRules rules, Optional<Mandate> mandate,
                                                   boolean representationAsked, boolean foreignPerson) {
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
        if (m.mandator() == null || !rules.acceptedMandators().contains(m.mandator().kind())) {
            return Optional.of(MandateViolation.INVALID_MANDATE);
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
                    || (mandate.professionalRepresentative() != null && profile.equals(mandate.professionalRepresentative().oid()))) {
                return true;
            }
        }
        return false;
    }
}
