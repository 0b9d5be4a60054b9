package dev.govid.keycloak.selection;

import java.util.List;
import java.util.Map;

import dev.govid.keycloak.settings.HttpUrl;
import dev.govid.keycloak.settings.SettingProblem;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;

/**
 * The client attributes only the login pages use: the theme's branding ({@code govid.theme.*}, read by the
 * templates in {@code branding.ftl}) and the origins that may embed the pages. A value of the wrong shape is
 * refused when the client is saved; on a page it is ignored (the templates check the shape again, the CSP header
 * leaves the origin out), so it can never become markup, style, script or a wider framing permission, and never
 * stops a login.
 */
public final class PageSettings {

    public static final String TITLE = "govid.theme.title";
    public static final String LOGO = "govid.theme.logo";
    public static final String PRIMARY_COLOR = "govid.theme.primaryColor";
    public static final String HEADER_COLOR = "govid.theme.headerColor";
    public static final String HELP_URL = "govid.theme.helpUrl";
    /** Prefix of the per-text overrides: {@code govid.theme.text.<messageKey>} and {@code …<messageKey>.<lang>}. */
    public static final String TEXT_PREFIX = "govid.theme.text.";
    /** Origins allowed to show this client's login pages in an iframe. */
    public static final String FRAME_ANCESTORS = "govid.frameAncestors";

    public static final List<String> KEYS =
            List.of(TITLE, LOGO, PRIMARY_COLOR, HEADER_COLOR, HELP_URL, FRAME_ANCESTORS);
    static final int MAX_TITLE = 200;

    private PageSettings() {}

    public static List<SettingProblem> problems(ClientModel client) {
        return problems(SettingsReader.of(client), client.getAttributes());
    }

    /** The page settings of a GovID settings form (no per-text overrides there: those stay client attributes). */
    public static List<SettingProblem> problems(SettingsReader settings) {
        return problems(settings, Map.of());
    }

    private static List<SettingProblem> problems(SettingsReader settings, Map<String, String> attributes) {
        settings.text(TITLE, MAX_TITLE);
        for (String key : List.of(PRIMARY_COLOR, HEADER_COLOR)) {
            String colour = settings.text(key, 7);
            if (colour != null && !colour.matches("#[0-9A-Fa-f]{6}")) {
                settings.problem(key, "must be a colour written #rrggbb");
            }
        }
        String logo = settings.text(LOGO, HttpUrl.MAX_LENGTH);
        if (logo != null) {
            try {
                HttpUrl.image(logo);
            } catch (HttpUrl.InvalidUrlException e) {
                settings.problem(LOGO, e.getMessage());
            }
        }
        String help = settings.text(HELP_URL, HttpUrl.MAX_LENGTH);
        if (help != null) {
            try {
                HttpUrl.link(help);
            } catch (HttpUrl.InvalidUrlException e) {
                settings.problem(HELP_URL, e.getMessage());
            }
        }
        FrameAncestors.parse(settings.raw(FRAME_ANCESTORS))
                .problems()
                .forEach(p -> settings.problem(FRAME_ANCESTORS, p));
        if (attributes != null) {
            for (String key : attributes.keySet()) {
                if (key.startsWith(TEXT_PREFIX)) {
                    if (!key.substring(TEXT_PREFIX.length())
                            .matches("[A-Za-z][A-Za-z0-9]{0,99}(\\.[a-z]{2,3}(-[A-Za-z]{2,4})?)?")) {
                        settings.problem(
                                key,
                                "is not govid.theme.text.<messageKey> or govid.theme.text.<messageKey>.<language>");
                    }
                    settings.text(key);
                }
            }
        }
        return settings.problems();
    }
}
