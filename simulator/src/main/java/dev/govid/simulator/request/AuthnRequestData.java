package dev.govid.simulator.request;

/**
 * What the simulator keeps of a verified AuthnRequest. {@code akdb} is null only for lenient SPs that sent
 * no extension; {@code levelRequirement} is null when no RequestedAuthnContext was given.
 */
public record AuthnRequestData(
        String id,
        String issuer,
        String destination,
        String assertionConsumerServiceUrl,
        Integer assertionConsumerServiceIndex,
        boolean isPassive,
        AkdbRequest akdb,
        LevelRequirement levelRequirement) {}
