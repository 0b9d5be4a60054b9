package dev.govid.simulator.persona;

/** One attribute a persona can release: Name is the OID URN, the key everything is matched by. */
public record PersonaAttribute(String name, String friendlyName, String value, TrustLevel trustLevel) {}
