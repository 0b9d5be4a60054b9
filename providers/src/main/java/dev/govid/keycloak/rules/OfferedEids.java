package dev.govid.keycloak.rules;

import java.util.List;

import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.settings.SettingsReader;
import jakarta.ws.rs.core.Response;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Which eID systems (identity-provider aliases) a client offers, in its order; an empty list offers all. */
public final class OfferedEids {

    /** Client attribute: the aliases, {@code ##} or comma separated. */
    public static final String ATTRIBUTE = "govid.selection.eids";
    /** Message key of the page for an eID the client does not offer. */
    public static final String NOT_OFFERED_MESSAGE = "govidSelectionEidNotOffered";

    private OfferedEids() {}

    /**
     * The listed aliases as stored. An entry that is no alias of the realm simply offers nothing, so a bad entry
     * can only narrow the choice, never widen it; saving one is refused ({@code validation.GovIdSettings}), and a stored entry
     * that is not even shaped like an alias stops the login ({@link ClientRuleSettings}).
     */
    public static List<String> order(ClientModel client) {
        return client == null
                ? List.of()
                : ConfigValues.list(SettingsReader.of(client).raw(ATTRIBUTE));
    }

    /** Whether the client lets its users log in with the eID system of this identity-provider alias. */
    public static boolean offers(ClientModel client, String alias) {
        List<String> eids = order(client);
        return eids.isEmpty() || eids.contains(alias);
    }

    /**
     * The page for an eID this login's client does not offer (HTTP 403). The login's {@code kc_idp_hint} is dropped,
     * so the page's "start again" leads to the selection page instead of the same refusal.
     */
    public static Response refuse(KeycloakSession session, AuthenticationSessionModel authSession) {
        authSession.removeClientNote(AdapterConstants.KC_IDP_HINT);
        return ErrorPage.error(session, authSession, Response.Status.FORBIDDEN, NOT_OFFERED_MESSAGE);
    }
}
