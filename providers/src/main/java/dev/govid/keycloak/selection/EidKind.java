package dev.govid.keycloak.selection;

import dev.govid.keycloak.bundid.BundIdConfig;
import dev.govid.keycloak.bundid.BundIdIdentityProviderFactory;
import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.pvp.PvpConfig;
import dev.govid.keycloak.pvp.PvpIdentityProviderFactory;

/**
 * What the selection page says about each type of eID system: what a person needs for it, its built-in logo
 * and the highest level it can assert. The lowest level shown is the identity provider's configured minimum.
 */
enum EidKind {
    BUNDID("BundId", "bundid.svg", BundIdConfig.MINIMUM_LEVEL, AssuranceLevel.BASIC, AssuranceLevel.HIGH),
    ID_AUSTRIA("IdAustria", "idaustria.svg", PvpConfig.MINIMUM_LEVEL, AssuranceLevel.SUBSTANTIAL, AssuranceLevel.HIGH),
    OTHER("Other", "eid.svg", null, null, null);

    private final String messageSuffix;
    private final String logo;
    private final String minimumLevelKey;
    private final AssuranceLevel defaultMinimum;
    private final AssuranceLevel highest;

    EidKind(String messageSuffix, String logo, String minimumLevelKey, AssuranceLevel defaultMinimum, AssuranceLevel highest) {
        this.messageSuffix = messageSuffix;
        this.logo = logo;
        this.minimumLevelKey = minimumLevelKey;
        this.defaultMinimum = defaultMinimum;
        this.highest = highest;
    }

    static EidKind of(String providerId) {
        if (BundIdIdentityProviderFactory.PROVIDER_ID.equals(providerId)) {
            return BUNDID;
        }
        if (PvpIdentityProviderFactory.PROVIDER_ID.equals(providerId)) {
            return ID_AUSTRIA;
        }
        return OTHER;
    }

    String needsMessageKey() {
        return "govidEidNeeds" + messageSuffix;
    }

    String logo() {
        return logo;
    }

    String minimumLevelKey() {
        return minimumLevelKey;
    }

    AssuranceLevel defaultMinimum() {
        return defaultMinimum;
    }

    AssuranceLevel highest() {
        return highest;
    }
}
