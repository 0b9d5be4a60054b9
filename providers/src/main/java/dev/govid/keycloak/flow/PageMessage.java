package dev.govid.keycloak.flow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * The message a flow page shows, kept for a language switch. Keycloak hands a forwarded message (a refused eID
 * login, why a single sign-on did not fit) to the next page only once; the language links render the same page
 * again with {@code kc_locale}, which would show it without the message. The page keeps its message in an auth
 * note and shows it again, in the new language, when it is rendered for a language switch.
 */
public final class PageMessage {

    static final String NOTE = "govid.page.message";
    /** Keycloak's language parameter ({@code LocaleSelectorProvider.KC_LOCALE_PARAM}), set by the language links. */
    static final String LANGUAGE_PARAMETER = "kc_locale";

    private PageMessage() {
    }

    /** {@code context.form()} with the forwarded message remembered, or the remembered one again on a language switch. */
    public static LoginFormsProvider form(AuthenticationFlowContext context) {
        LoginFormsProvider form = context.form();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        FormMessage error = context.getForwardedErrorMessage();
        FormMessage info = context.getForwardedInfoMessage();
        if (error != null) {
            remember(authSession, "error", error);
        } else if (info != null) {
            remember(authSession, "info", info);
        } else if (context.getUriInfo().getQueryParameters().containsKey(LANGUAGE_PARAMETER)) {
            restore(authSession, form);
        } else {
            authSession.removeAuthNote(NOTE);
        }
        return form;
    }

    private static void remember(AuthenticationSessionModel authSession, String type, FormMessage message) {
        List<String> parameters = new ArrayList<>();
        if (message.getParameters() != null) {
            for (Object p : message.getParameters()) {
                parameters.add(String.valueOf(p));
            }
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("type", type);
        note.put("key", message.getMessage());
        note.put("parameters", parameters);
        try {
            authSession.setAuthNote(NOTE, JsonSerialization.writeValueAsString(note));
        } catch (IOException e) {
            authSession.removeAuthNote(NOTE);
        }
    }

    private static void restore(AuthenticationSessionModel authSession, LoginFormsProvider form) {
        String json = authSession.getAuthNote(NOTE);
        if (json == null) {
            return;
        }
        try {
            Map<?, ?> note = JsonSerialization.readValue(json, Map.class);
            String key = String.valueOf(note.get("key"));
            Object[] parameters = note.get("parameters") instanceof List<?> list ? list.toArray() : new Object[0];
            if ("error".equals(note.get("type"))) {
                form.setError(key, parameters);
            } else {
                form.setInfo(key, parameters);
            }
        } catch (IOException | RuntimeException e) {
            authSession.removeAuthNote(NOTE);
        }
    }
}
