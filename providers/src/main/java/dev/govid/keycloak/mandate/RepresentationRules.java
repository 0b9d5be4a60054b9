package dev.govid.keycloak.mandate;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.ClientModel;

/**
 * A client's rules for acting on behalf of someone, read from client attributes (admin console: client →
 * Advanced → or the realm import). As MOA-ID did per online application: whether representation is off,
 * optional or required; which mandate profiles are accepted (by type, type OID or professional-representative
 * OID); natural and/or legal mandators; the longest validity a mandate may have; private-sector clients.
 */
public record RepresentationRules(
        RepresentationMode mode,
        List<String> acceptedProfiles,
        Set<MandatorKind> acceptedMandators,
        Optional<Integer> maxValidityDays,
        boolean privateSector) {

    public static final String MODE = "govid.representation";
    public static final String PROFILES = "govid.mandate.profiles";
    public static final String MANDATORS = "govid.mandate.mandators";
    public static final String MAX_VALIDITY_DAYS = "govid.mandate.maxValidityDays";
    public static final String PRIVATE_SECTOR = "govid.privateSector";

    public static RepresentationRules of(ClientModel client) {
        Set<MandatorKind> mandators = EnumSet.noneOf(MandatorKind.class);
        List<String> kinds = ConfigValues.list(client.getAttribute(MANDATORS));
        for (String kind : kinds.isEmpty() ? List.of("natural", "legal") : kinds) {
            switch (kind.toLowerCase(java.util.Locale.ROOT)) {
                case "natural" -> mandators.add(MandatorKind.NATURAL);
                case "legal" -> mandators.add(MandatorKind.LEGAL);
                default -> { }
            }
        }
        Optional<Integer> maxDays = Optional.ofNullable(ConfigValues.trimToNull(client.getAttribute(MAX_VALIDITY_DAYS)))
                .map(Integer::valueOf);
        return new RepresentationRules(
                RepresentationMode.fromConfig(client.getAttribute(MODE)),
                ConfigValues.list(client.getAttribute(PROFILES)),
                mandators,
                maxDays,
                Boolean.parseBoolean(client.getAttribute(PRIVATE_SECTOR)));
    }

    public boolean allowsRepresentation() {
        return mode != RepresentationMode.OFF;
    }
}
