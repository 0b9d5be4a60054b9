package dev.govid.keycloak.selection;

import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.login.EidSystem;

/**
 * What the selection page says about a type of eID system: what a person needs for it, its built-in logo and the
 * highest level it can assert; the lowest level shown is the identity provider's configured minimum. Comes from the
 * eID profile ({@link EidSystem}); identity providers that are not GovID profiles get neutral wording.
 */
record EidKind(
        String messageSuffix,
        String logo,
        String minimumLevelKey,
        AssuranceLevel defaultMinimum,
        AssuranceLevel highest) {

    static final EidKind OTHER = new EidKind("Other", "eid.svg", null, null, null);

    static EidKind of(Optional<EidSystem> system) {
        return system.map(s -> new EidKind(
                        s.messageSuffix(), s.logo(), s.minimumLevelKey(), s.defaultMinimumLevel(), s.highestLevel()))
                .orElse(OTHER);
    }

    String needsMessageKey() {
        return "govidEidNeeds" + messageSuffix;
    }
}
