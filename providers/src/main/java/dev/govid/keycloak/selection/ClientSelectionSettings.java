package dev.govid.keycloak.selection;

import java.util.List;

import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.ClientModel;

/**
 * The per-client settings the selection room reads from client attributes. Everything the theme alone needs
 * (title, colours, logo, texts) is read by the templates directly; these are the ones Java must act on.
 */
public final class ClientSelectionSettings {

    /** Which eID systems (identity-provider aliases) the client offers, in this order; empty means all. */
    public static final String EIDS = "govid.selection.eids";
    /** {@code false} skips the SSO confirmation page for this client. */
    public static final String SSO_CONFIRMATION = "govid.sso.confirmation";
    /** Origins allowed to show this client's login pages in an iframe. */
    public static final String FRAME_ANCESTORS = "govid.frameAncestors";
    /** Message key of the page for an eID the client does not offer. */
    public static final String EID_NOT_OFFERED_MESSAGE = "govidSelectionEidNotOffered";

    private ClientSelectionSettings() {
    }

    public static List<String> eidOrder(ClientModel client) {
        return client == null ? List.of() : ConfigValues.list(client.getAttribute(EIDS));
    }

    /** Whether the client lets its users log in with the eID system of this identity-provider alias. */
    public static boolean offers(ClientModel client, String alias) {
        List<String> eids = eidOrder(client);
        return eids.isEmpty() || eids.contains(alias);
    }

    public static boolean confirmsSso(ClientModel client) {
        return client == null || !"false".equalsIgnoreCase(trim(client.getAttribute(SSO_CONFIRMATION)));
    }

    public static FrameAncestors frameAncestors(ClientModel client) {
        return client == null ? FrameAncestors.NONE : FrameAncestors.parse(client.getAttribute(FRAME_ANCESTORS));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
