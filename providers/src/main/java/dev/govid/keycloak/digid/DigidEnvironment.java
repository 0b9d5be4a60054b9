package dev.govid.keycloak.digid;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a DigiD connection points. Onboarding runs against preproduction first and switches to production later, so
 * the switch is one setting; a custom metadata URL serves routing services and simulators.
 */
public enum DigidEnvironment {
    PREPRODUCTION("preproduction", "https://was-preprod1.digid.nl/saml/idp/metadata"),
    PRODUCTION("production", "https://was.digid.nl/saml/idp/metadata"),
    CUSTOM("custom", null);

    private final String configValue;
    private final String metadataUrl;

    DigidEnvironment(String configValue, String metadataUrl) {
        this.configValue = configValue;
        this.metadataUrl = metadataUrl;
    }

    public String configValue() {
        return configValue;
    }

    /** The metadata URL of a preset environment; empty for {@link #CUSTOM}. */
    public Optional<String> presetMetadataUrl() {
        return Optional.ofNullable(metadataUrl);
    }

    public static Optional<DigidEnvironment> lookup(String value) {
        String v = value == null ? "" : value.trim();
        return Arrays.stream(values())
                .filter(e -> e.configValue.equalsIgnoreCase(v))
                .findFirst();
    }
}
