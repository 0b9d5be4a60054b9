package dev.govid.simulator.pvp;

/** One {@code eidas:RequestedAttribute} of a PVP AuthnRequest. */
public record RequestedPvpAttribute(String name, boolean required) {}
