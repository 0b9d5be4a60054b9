package dev.govid.simulator.sp;

/** One md:AssertionConsumerService entry. */
public record AssertionConsumerService(String binding, String location, Integer index, boolean isDefault) {}
