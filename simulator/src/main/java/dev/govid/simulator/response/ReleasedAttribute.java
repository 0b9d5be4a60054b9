package dev.govid.simulator.response;

import dev.govid.simulator.persona.TrustLevel;

/** An attribute that goes into the AttributeStatement. */
public record ReleasedAttribute(String name, String friendlyName, String value, TrustLevel trustLevel) {
}
