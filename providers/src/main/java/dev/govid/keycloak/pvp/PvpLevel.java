package dev.govid.keycloak.pvp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.govid.keycloak.loa.AssuranceLevel;

/**
 * The level of assurance of a PVP response. A PVP IdP can state it in four places: the AuthnContextClassRef
 * (eIDAS URI, STORK name or PVP secclass URI), EID-CITIZEN-QAA-EIDAS-LEVEL (what ID Austria sends),
 * EID-CITIZEN-QAA-LEVEL (STORK, MOA-ID era) and SECCLASS (PVP 2.1 portal network). A class reference that names
 * no level (e.g. SAML's {@code …:ac:classes:unspecified}) is simply no source.
 *
 * <p>When sources disagree, the <b>lowest</b> stated level counts: the response has then said somewhere that the
 * person was identified no better than that, and a relying party must not assume more than the IdP committed to.
 * The sources are listed (and logged) in the precedence order above.
 */
record PvpLevel(List<Source> sources) {

    /** One place the response states a level, with what it says there. */
    record Source(String name, AssuranceLevel level) {}

    static PvpLevel of(Optional<String> classRef, Function<PvpAttribute, Optional<String>> attribute) {
        List<Source> sources = new ArrayList<>();
        classRef.flatMap(AssuranceLevel::parse).ifPresent(l -> sources.add(new Source("AuthnContextClassRef", l)));
        for (PvpAttribute a : List.of(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL, PvpAttribute.EID_CITIZEN_QAA_LEVEL)) {
            attribute
                    .apply(a)
                    .flatMap(AssuranceLevel::parse)
                    .ifPresent(l -> sources.add(new Source(a.friendlyName(), l)));
        }
        attribute
                .apply(PvpAttribute.SECCLASS)
                .filter(v -> v.matches("[0-3]"))
                .flatMap(v -> AssuranceLevel.ofKeycloakLevel(Integer.parseInt(v) + 1))
                .ifPresent(l -> sources.add(new Source(PvpAttribute.SECCLASS.friendlyName(), l)));
        return new PvpLevel(List.copyOf(sources));
    }

    /** The level that counts: the lowest one stated; empty when the response states none. */
    Optional<AssuranceLevel> level() {
        return sources.stream().map(Source::level).min(Comparator.comparingInt(AssuranceLevel::keycloakLevel));
    }

    /** Whether two sources state different levels (worth a log line: the IdP contradicts itself). */
    boolean disagrees() {
        return sources.stream().map(Source::level).distinct().count() > 1;
    }

    @Override
    public String toString() {
        return sources.isEmpty()
                ? "no level stated"
                : String.join(
                        ", ",
                        sources.stream()
                                .map(s -> s.name() + "=" + s.level().storkName())
                                .toList());
    }
}
