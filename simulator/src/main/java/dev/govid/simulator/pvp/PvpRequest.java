package dev.govid.simulator.pvp;

import java.util.List;

/**
 * What the PVP mode keeps of a verified AuthnRequest.
 *
 * @param nameIdFormat        the NameIDPolicy Format, or null when none was given
 * @param levelRequirement    null when the request had no (understood) RequestedAuthnContext
 * @param attributeConsumingServiceIndex the set of the SP metadata the request names, or null
 * @param requestedAttributes null when the request carried no {@code eidas:RequestedAttributes} and named no
 *                            attribute set of the SP metadata: then the default set is released
 */
public record PvpRequest(
        String id,
        String issuer,
        String assertionConsumerServiceUrl,
        Integer assertionConsumerServiceIndex,
        Integer attributeConsumingServiceIndex,
        boolean isPassive,
        boolean forceAuthn,
        String nameIdFormat,
        PvpLevelRequirement levelRequirement,
        List<RequestedPvpAttribute> requestedAttributes) {

    public PvpRequest {
        requestedAttributes = requestedAttributes == null ? null : List.copyOf(requestedAttributes);
    }

    /** Our convention: an SP asks for mandate (representation) data by requesting MANDATE-TYPE. */
    public boolean asksForMandate() {
        return requestedAttributes != null
                && requestedAttributes.stream().anyMatch(a -> a.name().equals(PvpAttribute.MANDATE_TYPE.urn()));
    }
}
