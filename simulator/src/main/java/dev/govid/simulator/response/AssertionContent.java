package dev.govid.simulator.response;

import java.util.List;

import dev.govid.simulator.TrustLevelVocabulary;

/**
 * The protocol-specific part of an assertion: who (NameID), how well authenticated (class ref) and what
 * attributes.
 *
 * @param trustLevelVocabulary spelling of {@code akdb:TrustLevel} on each attribute (BundID); null for
 *                             profiles without per-attribute trust levels (PVP), which then carry no akdb
 *                             namespace at all
 */
public record AssertionContent(
        String nameIdFormat,
        String nameIdValue,
        String authnContextClassRef,
        List<ReleasedAttribute> attributes,
        TrustLevelVocabulary trustLevelVocabulary) {

    public AssertionContent {
        attributes = List.copyOf(attributes);
    }
}
