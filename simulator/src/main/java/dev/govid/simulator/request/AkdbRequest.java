package dev.govid.simulator.request;

import java.util.List;
import java.util.Set;

/** The parsed {@code akdb:AuthenticationRequest} extension. */
public record AkdbRequest(
        String version,
        boolean enableStatusDetail,
        Set<AuthMethod> disabledMethods,
        List<RequestedAttribute> requestedAttributes,
        DisplayInformation displayInformation) {

    public AkdbRequest {
        disabledMethods = Set.copyOf(disabledMethods);
        requestedAttributes = List.copyOf(requestedAttributes);
    }

    /** One {@code akdb:RequestedAttribute}. */
    public record RequestedAttribute(String name, boolean required) {}

    /** {@code classic-ui:Version} content; every field may be null. */
    public record DisplayInformation(
            String organizationDisplayName, String onlineServiceId, String lang, String backUrl, String purpose) {}
}
