package dev.govid.keycloak.rules;

import java.util.List;

import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;

/**
 * The client attributes {@link ClientRules} judges a login by, besides the representation rules: which eID
 * systems the client offers and whether it refuses test identities. Read on every login: two attributes.
 *
 * @param offeredEids           {@link OfferedEids#ATTRIBUTE}: identity-provider aliases in order, empty = all
 * @param refusesTestIdentities {@link ClientRules#TEST_IDENTITIES} is {@code refuse}
 */
public record ClientRuleSettings(List<String> offeredEids, boolean refusesTestIdentities) {

    public static final List<String> KEYS = List.of(OfferedEids.ATTRIBUTE, ClientRules.TEST_IDENTITIES);

    public static Parsed<ClientRuleSettings> read(ClientModel client) {
        return read(SettingsReader.of(client));
    }

    public static Parsed<ClientRuleSettings> read(SettingsReader settings) {
        List<String> eids = settings.list(
                OfferedEids.ATTRIBUTE,
                alias -> alias.matches("[A-Za-z0-9._-]{1,255}")
                        ? null
                        : "lists something that is not an identity-provider alias (letters, digits, . _ -)");
        boolean refuse = settings.choice(
                ClientRules.TEST_IDENTITIES,
                false,
                SettingsReader.options(List.of("allow", "refuse"), List.of(false, true)));
        return settings.result(new ClientRuleSettings(eids, refuse));
    }
}
