package dev.govid.keycloak.selection;

import java.util.Map;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.saml.EidProfileConfig;
import org.keycloak.models.IdentityProviderModel;

/**
 * One eID system as the selection page shows it. Read by the template through its getters; the login link
 * itself comes from Keycloak's own {@code social} bean, matched by alias.
 */
public final class EidChoice {

    /** Identity-provider config keys an admin may set to describe an eID system in their own words. */
    static final String NEEDS_TEXT = EidProfileConfig.SELECTION_NEEDS_TEXT;

    static final String LOGO_URL = EidProfileConfig.SELECTION_LOGO_URL;

    private final String alias;
    private final String displayName;
    private final EidKind kind;
    private final String needsText;
    private final String logoUrl;
    private final AssuranceLevel minimumLevel;

    private EidChoice(
            String alias,
            String displayName,
            EidKind kind,
            String needsText,
            String logoUrl,
            AssuranceLevel minimumLevel) {
        this.alias = alias;
        this.displayName = displayName;
        this.kind = kind;
        this.needsText = needsText;
        this.logoUrl = logoUrl;
        this.minimumLevel = minimumLevel;
    }

    static EidChoice of(IdentityProviderModel model, EidKind kind) {
        Map<String, String> config = model.getConfig() == null ? Map.of() : model.getConfig();
        AssuranceLevel minimum = kind.minimumLevelKey() == null
                ? null
                : AssuranceLevel.parse(config.get(kind.minimumLevelKey())).orElse(kind.defaultMinimum());
        String name = ConfigValues.trimToNull(model.getDisplayName());
        return new EidChoice(
                model.getAlias(),
                name == null ? model.getAlias() : name,
                kind,
                ConfigValues.trimToNull(config.get(NEEDS_TEXT)),
                SafeUrls.imageUrlOrNull(config.get(LOGO_URL)),
                minimum);
    }

    public String getAlias() {
        return alias;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The admin's own description, if any; otherwise the template shows {@link #getNeedsMessageKey()}. */
    public String getNeedsText() {
        return needsText;
    }

    public String getNeedsMessageKey() {
        return kind.needsMessageKey();
    }

    /** An absolute https or server-relative logo URL from the IdP's config, or null for the built-in logo. */
    public String getLogoUrl() {
        return logoUrl;
    }

    /** The built-in logo, a file under the theme's {@code img/}. */
    public String getLogo() {
        return kind.logo();
    }

    public boolean isLevelKnown() {
        return minimumLevel != null;
    }

    /** Message keys of the lowest and highest level, e.g. {@code govidLevelSUBSTANTIAL}. */
    public String getMinimumLevelKey() {
        return minimumLevel == null ? null : "govidLevel" + minimumLevel.name();
    }

    public String getHighestLevelKey() {
        return kind.highest() == null ? null : "govidLevel" + kind.highest().name();
    }

    public boolean isSingleLevel() {
        return minimumLevel != null && minimumLevel == kind.highest();
    }
}
