package dev.govid.keycloak.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.revisionlog.EventSelection;
import dev.govid.keycloak.rules.ClientRuleSettings;
import dev.govid.keycloak.rules.OfferedEids;
import dev.govid.keycloak.saml1.MoaSaml1ClientSettings;
import dev.govid.keycloak.selection.ClientSelectionSettings;
import dev.govid.keycloak.selection.PageSettings;
import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingProblem;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Every GovID client setting, checked the way each group's reader reads it, for the moment an admin saves: the
 * groups a login reads (representation rules, client rules, SSO confirmation, SAML1), those only the pages read
 * (branding, frame ancestors), the revision log's client events, that {@code govid.selection.eids} names identity
 * providers of the realm, and that no {@code govid.*} / {@code moa.*} key is a near miss of a known one (a typo
 * would otherwise silently do nothing). The reference is {@code docs/settings.md}.
 */
public final class GovIdSettings {

    /** The client attribute keys GovID reads (plus the {@code govid.theme.text.*} family). */
    public static final List<String> CLIENT_KEYS = Stream.of(
                    List.of(
                            RepresentationRules.MODE,
                            RepresentationRules.PROFILES,
                            RepresentationRules.MANDATORS,
                            RepresentationRules.MAX_VALIDITY_DAYS,
                            RepresentationRules.PRIVATE_SECTOR,
                            RepresentationRules.LEGACY_PRIVATE_SECTOR),
                    ClientRuleSettings.KEYS,
                    ClientSelectionSettings.KEYS,
                    PageSettings.KEYS,
                    MoaSaml1ClientSettings.KEYS,
                    List.of(EventSelection.EVENTS))
            .flatMap(List::stream)
            .distinct()
            .toList();

    private static final int MAX_TYPO_DISTANCE = 2;

    private GovIdSettings() {}

    public static List<SettingProblem> clientProblems(KeycloakSession session, ClientModel client) {
        List<SettingProblem> problems = new ArrayList<>();
        problems.addAll(RepresentationRules.read(client).problems());
        problems.addAll(ClientRuleSettings.read(client).problems());
        problems.addAll(ClientSelectionSettings.read(client).problems());
        problems.addAll(MoaSaml1ClientSettings.read(client).problems());
        problems.addAll(PageSettings.problems(client));
        problems.addAll(EventSelection.clientProblems(client));
        RealmModel realm = client.getRealm();
        for (String alias : ClientRuleSettings.read(client).value().offeredEids()) {
            if (realm != null && session.identityProviders().getByAlias(alias) == null) {
                problems.add(new SettingProblem(
                        OfferedEids.ATTRIBUTE, "lists '" + alias + "', which is no identity provider of this realm"));
            }
        }
        problems.addAll(nearMisses(client.getAttributes()));
        return problems;
    }

    /**
     * The problems of a GovID settings form (the admin console's <em>GovID settings</em> mapper), which holds the
     * same keys as the client attributes but belongs to a scope, not to one client.
     */
    public static List<SettingProblem> formProblems(
            KeycloakSession session, RealmModel realm, Map<String, String> form, boolean saml1) {
        List<SettingProblem> problems = new ArrayList<>();
        problems.addAll(RepresentationRules.read(SettingsReader.of(form)).problems());
        Parsed<ClientRuleSettings> rules = ClientRuleSettings.read(SettingsReader.of(form));
        problems.addAll(rules.problems());
        problems.addAll(ClientSelectionSettings.read(SettingsReader.of(form)).problems());
        problems.addAll(PageSettings.problems(SettingsReader.of(form)));
        problems.addAll(EventSelection.clientProblems(SettingsReader.of(form)));
        if (saml1) {
            problems.addAll(MoaSaml1ClientSettings.read(SettingsReader.of(form)).problems());
        }
        for (String alias : rules.value().offeredEids()) {
            if (realm != null && session.identityProviders().getByAlias(alias) == null) {
                problems.add(new SettingProblem(
                        OfferedEids.ATTRIBUTE, "lists " + alias + ", which is no identity provider of this realm"));
            }
        }
        problems.addAll(nearMisses(form));
        return problems;
    }

    public static List<SettingProblem> realmProblems(RealmModel realm) {
        return EventSelection.realmProblems(realm);
    }

    /** Attribute keys in GovID's namespaces that are not GovID settings but look like one. */
    static List<SettingProblem> nearMisses(Map<String, String> attributes) {
        List<SettingProblem> problems = new ArrayList<>();
        if (attributes == null) {
            return problems;
        }
        for (String key : attributes.keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("govid.") || lower.startsWith("moa."))
                    || CLIENT_KEYS.contains(key)
                    || key.startsWith(PageSettings.TEXT_PREFIX)) {
                continue;
            }
            closest(key)
                    .ifPresent(known -> problems.add(
                            new SettingProblem(key, "is not a GovID setting; did you mean " + known + "?")));
        }
        return problems;
    }

    private static Optional<String> closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : Stream.concat(CLIENT_KEYS.stream(), Stream.of(PageSettings.TEXT_PREFIX))
                .toList()) {
            int distance = distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return bestDistance <= MAX_TYPO_DISTANCE ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, for keys of a few dozen characters. */
    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
