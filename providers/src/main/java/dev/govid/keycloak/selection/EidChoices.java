package dev.govid.keycloak.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.keycloak.models.IdentityProviderModel;

/**
 * The eID systems a client's selection page lists: the realm's identity providers that Keycloak would show on
 * a login page (enabled, not hidden, not link-only), then — when the client names some in
 * {@link dev.govid.keycloak.rules.OfferedEids#ATTRIBUTE} — only those, in that order. Without such a list, Keycloak's GUI order
 * and then the display name decide.
 */
final class EidChoices {

    private EidChoices() {}

    static List<EidChoice> forClient(
            List<IdentityProviderModel> realmProviders,
            List<String> clientOrder,
            Function<String, EidKind> kindOfType) {
        List<IdentityProviderModel> shown = realmProviders.stream()
                .filter(IdentityProviderModel::isEnabled)
                .filter(p -> !Boolean.TRUE.equals(p.isLinkOnly()) && !Boolean.TRUE.equals(p.isHideOnLogin()))
                .sorted(Comparator.comparing((IdentityProviderModel p) -> guiOrder(p))
                        .thenComparing(p -> p.getDisplayName() == null ? p.getAlias() : p.getDisplayName()))
                .collect(Collectors.toList());
        if (clientOrder.isEmpty()) {
            return shown.stream()
                    .map(p -> EidChoice.of(p, kindOfType.apply(p.getProviderId())))
                    .collect(Collectors.toList());
        }
        Map<String, IdentityProviderModel> byAlias = new LinkedHashMap<>();
        shown.forEach(p -> byAlias.put(p.getAlias(), p));
        List<EidChoice> ordered = new ArrayList<>();
        for (String alias : clientOrder) {
            IdentityProviderModel provider = byAlias.remove(alias);
            if (provider != null) {
                ordered.add(EidChoice.of(provider, kindOfType.apply(provider.getProviderId())));
            }
        }
        return ordered;
    }

    private static int guiOrder(IdentityProviderModel provider) {
        try {
            return Integer.parseInt(
                    provider.getConfig() == null
                            ? ""
                            : provider.getConfig().getOrDefault("guiOrder", "").trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
