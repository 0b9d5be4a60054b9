package dev.govid.simulator.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.govid.simulator.persona.Persona;
import dev.govid.simulator.persona.PersonaAttribute;
import dev.govid.simulator.persona.TrustLevel;
import dev.govid.simulator.request.AkdbRequest;
import dev.govid.simulator.request.AuthMethod;

/** Decides which attributes a login releases: in akdb v2 exactly the requested ones the persona has. */
public final class AttributeRelease {
    public static final String QAA_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";
    public static final String ASSERTION_PROVED_BY = "urn:oid:1.3.6.1.4.1.25484.494450.2";
    public static final String VERSION = "urn:oid:1.3.6.1.4.1.25484.494450.1";
    /** Assumed value of the Version attribute: the akdb interface generation the request used. */
    static final String VERSION_VALUE = "2";

    private final List<ReleasedAttribute> attributes;
    private final List<String> missingRequired;

    private AttributeRelease(List<ReleasedAttribute> attributes, List<String> missingRequired) {
        this.attributes = List.copyOf(attributes);
        this.missingRequired = List.copyOf(missingRequired);
    }

    /** @param akdb null for a lenient SP without extension: then everything the persona has is released */
    public static AttributeRelease compute(AkdbRequest akdb, Persona persona, AuthMethod method, int storkLevel) {
        Map<String, ReleasedAttribute> derived = derivedAttributes(method, storkLevel);
        List<ReleasedAttribute> released = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (akdb == null) {
            for (PersonaAttribute a : persona.attributes()) {
                released.add(fromPersona(a));
            }
            released.add(derived.get(QAA_LEVEL));
            released.add(derived.get(ASSERTION_PROVED_BY));
            return new AttributeRelease(released, missing);
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (AkdbRequest.RequestedAttribute requested : akdb.requestedAttributes()) {
            if (seen.put(requested.name(), Boolean.TRUE) != null) {
                continue;
            }
            ReleasedAttribute value = derived.get(requested.name());
            if (value == null) {
                value = persona.attribute(requested.name())
                        .map(AttributeRelease::fromPersona)
                        .orElse(null);
            }
            if (value != null) {
                released.add(value);
            } else if (requested.required()) {
                missing.add(requested.name());
            }
        }
        return new AttributeRelease(released, missing);
    }

    private static Map<String, ReleasedAttribute> derivedAttributes(AuthMethod method, int storkLevel) {
        TrustLevel trust = TrustLevel.ofStorkLevel(storkLevel);
        Map<String, ReleasedAttribute> derived = new LinkedHashMap<>();
        derived.put(
                QAA_LEVEL,
                new ReleasedAttribute(QAA_LEVEL, "EID-CITIZEN-QAA-LEVEL", "STORK-QAA-Level-" + storkLevel, trust));
        derived.put(
                ASSERTION_PROVED_BY,
                new ReleasedAttribute(ASSERTION_PROVED_BY, "AssertionProvedBy", method.wireName(), trust));
        derived.put(VERSION, new ReleasedAttribute(VERSION, "Version", VERSION_VALUE, trust));
        return derived;
    }

    private static ReleasedAttribute fromPersona(PersonaAttribute a) {
        return new ReleasedAttribute(a.name(), a.friendlyName(), a.value(), a.trustLevel());
    }

    public List<ReleasedAttribute> attributes() {
        return attributes;
    }

    public List<String> missingRequired() {
        return missingRequired;
    }
}
