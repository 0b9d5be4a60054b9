package dev.govid.keycloak.selection;

import org.keycloak.models.ClientModel;

/**
 * The per-client settings the selection package reads from client attributes. Everything the theme alone needs
 * (title, colours, logo, texts) is read by the templates directly; these are the ones Java must act on.
 */
public final class ClientSelectionSettings {

    /** {@code false} skips the SSO confirmation page for this client. */
    public static final String SSO_CONFIRMATION = "govid.sso.confirmation";
    /** Origins allowed to show this client's login pages in an iframe. */
    public static final String FRAME_ANCESTORS = "govid.frameAncestors";

    private ClientSelectionSettings() {
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
