package dev.govid.keycloak.flow;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The message a flow page shows, kept for a language switch. Keycloak hands a message to the next page only once
 * (a refused eID login via {@code IdentityBrokerService.error}, why a single sign-on did not fit via a forwarded info
 * message); the language links render the same page again with {@code kc_locale}, which would show it without the
 * message. Whoever sends the person to a page with a message also records it here; the page shows it again, in the
 * new language, when it is rendered for a language switch. A new attempt (an eID chosen, a question answered)
 * forgets it.
 */
public final class PageMessage {

    static final String NOTE = "govid.page.message";
    /** Keycloak's language parameter ({@code LocaleSelectorProvider.KC_LOCALE_PARAM}), set by the language links. */
    static final String LANGUAGE_PARAMETER = "kc_locale";

    private static final String ERROR = "error:";
    private static final String INFO = "info:";

    private PageMessage() {}

    /** The login's current page shows this error (a message key of the theme). */
    public static void error(AuthenticationSessionModel authSession, String messageKey) {
        if (authSession != null && messageKey != null) {
            authSession.setAuthNote(NOTE, ERROR + messageKey);
        }
    }

    /** The login's current page shows this information (a message key of the theme). */
    public static void info(AuthenticationSessionModel authSession, String messageKey) {
        if (authSession != null && messageKey != null) {
            authSession.setAuthNote(NOTE, INFO + messageKey);
        }
    }

    /** A new attempt: the last page's message no longer applies. */
    public static void forget(AuthenticationSessionModel authSession) {
        if (authSession != null) {
            authSession.removeAuthNote(NOTE);
        }
    }

    /** {@code context.form()}, with the recorded message again when the page is rendered for a language switch. */
    public static LoginFormsProvider form(AuthenticationFlowContext context) {
        LoginFormsProvider form = context.form();
        String note = context.getAuthenticationSession().getAuthNote(NOTE);
        boolean languageSwitch = context.getUriInfo().getQueryParameters().containsKey(LANGUAGE_PARAMETER);
        if (note != null
                && languageSwitch
                && context.getForwardedErrorMessage() == null
                && context.getForwardedInfoMessage() == null) {
            if (note.startsWith(ERROR)) {
                form.setError(note.substring(ERROR.length()));
            } else if (note.startsWith(INFO)) {
                form.setInfo(note.substring(INFO.length()));
            }
        }
        return form;
    }
}
