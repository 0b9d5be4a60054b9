package dev.govid.keycloak.selection;

import java.util.List;

import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;

/**
 * The per-client setting the selection package acts on during a login: whether an SSO session is confirmed.
 * Everything only the pages use (title, colours, logo, texts, frame ancestors) is in {@link PageSettings}: a bad
 * value there is ignored on the page, not a reason to stop a login.
 */
public record ClientSelectionSettings(boolean confirmsSso) {

    /** {@code false} skips the SSO confirmation page for this client. */
    public static final String SSO_CONFIRMATION = "govid.sso.confirmation";
    /** Origins allowed to show this client's login pages in an iframe. */
    public static final String FRAME_ANCESTORS = PageSettings.FRAME_ANCESTORS;

    public static final List<String> KEYS = List.of(SSO_CONFIRMATION);

    public static Parsed<ClientSelectionSettings> read(ClientModel client) {
        return read(SettingsReader.of(client));
    }

    public static Parsed<ClientSelectionSettings> read(SettingsReader settings) {
        return settings.result(new ClientSelectionSettings(settings.bool(SSO_CONFIRMATION, true)));
    }

    public static boolean confirmsSso(ClientModel client) {
        return client == null || read(client).value().confirmsSso();
    }

    /** The origins from {@link #FRAME_ANCESTORS}; entries that are not exact origins are ignored. */
    public static FrameAncestors frameAncestors(ClientModel client) {
        return client == null
                ? FrameAncestors.NONE
                : FrameAncestors.parse(SettingsReader.of(client).raw(FRAME_ANCESTORS));
    }
}
