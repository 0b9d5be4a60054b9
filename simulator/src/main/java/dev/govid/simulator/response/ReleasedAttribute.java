package dev.govid.simulator.response;

import dev.govid.simulator.persona.TrustLevel;

/** An attribute that goes into the AttributeStatement; {@code trustLevel} is null outside BundID mode. */
public record ReleasedAttribute(String name, String friendlyName, String value, TrustLevel trustLevel) {

    /** An attribute without a BundID trust level, as PVP releases them. */
    public static ReleasedAttribute of(String name, String friendlyName, String value) {
        return new ReleasedAttribute(name, friendlyName, value, null);
    }
}
