package dev.govid.keycloak.bundid;

import java.util.Arrays;
import java.util.Optional;

import dev.govid.keycloak.saml.IdpEndpoints;

/**
 * The BundID environments an installation connects to. Onboarding runs against integration first and
 * switches to production later (BundID onboarding), so the switch is one configuration choice.
 */
public enum BundIdEnvironment {
    INTEGRATION("integration", "https://int.id.bund.de/idp"),
    PRODUCTION("production", "https://id.bund.de/idp"),
    /** Any other BundID-compatible IdP (test systems, simulators), described by its metadata URL. */
    CUSTOM("custom", null);

    private final String configValue;
    private final String entityId;

    BundIdEnvironment(String configValue, String entityId) {
        this.configValue = configValue;
        this.entityId = entityId;
    }

    public String configValue() {
        return configValue;
    }

    /** The preset endpoints, or empty for {@link #CUSTOM}, whose endpoints come from its metadata. */
    public Optional<IdpEndpoints> presetEndpoints() {
        if (entityId == null) {
            return Optional.empty();
        }
        return Optional.of(new IdpEndpoints(
                entityId, entityId + "/profile/SAML2/POST/SSO", entityId + "/profile/SAML2/Redirect/SSO"));
    }

    /** Where the preset environment publishes its metadata (overridable per provider). */
    public Optional<String> presetMetadataUrl() {
        return Optional.ofNullable(entityId).map(id -> id + "/shibboleth");
    }

    /**
     * The environment a stored value names: unset means {@link #INTEGRATION} (the documented default), an unknown
     * value is empty — never a guess, so a typo cannot point a production realm at the integration system.
     */
    public static Optional<BundIdEnvironment> fromConfig(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(INTEGRATION);
        }
        return Arrays.stream(values())
                .filter(e -> e.configValue.equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
