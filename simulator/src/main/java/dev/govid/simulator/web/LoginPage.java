package dev.govid.simulator.web;

import java.util.List;
import java.util.Set;

import dev.govid.simulator.Fault;
import dev.govid.simulator.login.LoginTransaction;
import dev.govid.simulator.persona.Persona;
import dev.govid.simulator.request.AkdbRequest;
import dev.govid.simulator.request.AkdbRequest.DisplayInformation;
import dev.govid.simulator.request.AuthMethod;

/** The BundID-like login page: persona, method and test scenario, all plain form fields. */
final class LoginPage {
    private static final Set<String> LANGUAGES = Set.of("de", "en", "ru", "uk");

    private LoginPage() {}

    static WebReply render(LoginTransaction tx, List<Persona> personas, String formAction) {
        AkdbRequest akdb = tx.request().akdb();
        DisplayInformation info = akdb == null ? null : akdb.displayInformation();
        String lang = info != null && info.lang() != null && LANGUAGES.contains(info.lang()) ? info.lang() : "de";

        StringBuilder b = new StringBuilder();
        b.append("<h1>Anmelden mit der BundID (Simulator)</h1>\n");
        appendDisplayInformation(b, tx, info, lang);
        appendRequestedAttributes(b, akdb);

        b.append("<form method=\"post\" action=\"")
                .append(Html.escape(formAction))
                .append("\" id=\"login-form\">\n");
        b.append("<input type=\"hidden\" name=\"tx\" id=\"tx\" value=\"")
                .append(Html.escape(tx.id()))
                .append("\">\n");

        b.append("<fieldset id=\"personas\"><legend>Testperson</legend>\n");
        boolean first = true;
        for (Persona p : personas) {
            String id = "persona-" + p.id();
            b.append("<div class=\"choice\"><input type=\"radio\" name=\"persona\" id=\"")
                    .append(Html.escape(id))
                    .append("\" value=\"")
                    .append(Html.escape(p.id()))
                    .append('"')
                    .append(first ? " checked" : "")
                    .append("> <label for=\"")
                    .append(Html.escape(id))
                    .append("\"><strong>")
                    .append(Html.escape(p.displayName()))
                    .append("</strong> – ")
                    .append(Html.escape(p.description()))
                    .append("</label></div>\n");
            first = false;
        }
        b.append("</fieldset>\n");

        b.append("<fieldset id=\"methods\"><legend>Authentisierungsverfahren</legend>\n");
        b.append("<p class=\"hint\">Ohne Auswahl wird das Standardverfahren der Testperson genutzt.</p>\n");
        for (AuthMethod m : tx.offeredMethods()) {
            String id = "method-" + m.wireName();
            String level = m == AuthMethod.EIDAS
                    ? "STORK-QAA-Level-2..4 (je nach Testperson)"
                    : "STORK-QAA-Level-" + m.nominalStorkLevel();
            b.append("<div class=\"choice\"><input type=\"radio\" name=\"method\" id=\"")
                    .append(Html.escape(id))
                    .append("\" value=\"")
                    .append(Html.escape(m.wireName()))
                    .append("\"> <label for=\"")
                    .append(Html.escape(id))
                    .append("\">")
                    .append(Html.escape(m.wireName()))
                    .append(" (")
                    .append(level)
                    .append(")</label></div>\n");
        }
        b.append("</fieldset>\n");

        b.append("<p><label for=\"fault\">Test scenario</label>\n<select name=\"fault\" id=\"fault\">\n");
        for (Fault f : Fault.values()) {
            b.append("<option value=\"")
                    .append(f.wireName())
                    .append('"')
                    .append(f == Fault.NONE ? " selected" : "")
                    .append('>')
                    .append(Html.escape(f.wireName() + " – " + f.label()))
                    .append("</option>\n");
        }
        b.append("</select></p>\n");

        b.append("<p><button type=\"submit\" name=\"action\" value=\"login\" id=\"action-login\">Anmelden</button>")
                .append(
                        "<button type=\"submit\" name=\"action\" value=\"cancel\" id=\"action-cancel\">Abbrechen</button></p>\n");
        b.append("</form>\n");
        if (info != null && info.backUrl() != null && isHttpUrl(info.backUrl())) {
            b.append("<p><a id=\"back-url\" href=\"")
                    .append(Html.escape(info.backUrl()))
                    .append("\">Zurück zum Online-Dienst</a></p>\n");
        }
        return WebReply.html(200, Html.page(lang, "BundID Simulator – Anmeldung", b.toString()), "login-page");
    }

    private static void appendDisplayInformation(
            StringBuilder b, LoginTransaction tx, DisplayInformation info, String lang) {
        b.append("<dl id=\"display-information\">\n");
        if (info != null) {
            row(b, "Online-Dienst", "organization-display-name", info.organizationDisplayName());
            row(b, "Online-Dienst-ID", "online-service-id", info.onlineServiceId());
            row(b, "Zweck", "purpose", info.purpose());
        }
        row(b, "Sprache", "lang", lang);
        row(b, "EntityID des Dienstes", "sp-entity-id", tx.sp().entityId());
        b.append("</dl>\n");
    }

    private static void appendRequestedAttributes(StringBuilder b, AkdbRequest akdb) {
        if (akdb == null) {
            b.append("<p id=\"requested-attributes\">Keine akdb-Erweiterung: alle Attribute der Testperson werden "
                    + "übermittelt.</p>\n");
            return;
        }
        b.append("<p>Angefragte Attribute:</p>\n<ul id=\"requested-attributes\">\n");
        for (AkdbRequest.RequestedAttribute a : akdb.requestedAttributes()) {
            b.append("<li><code>")
                    .append(Html.escape(a.name()))
                    .append("</code>")
                    .append(a.required() ? " (Pflicht)" : "")
                    .append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static void row(StringBuilder b, String label, String id, String value) {
        if (value == null) {
            return;
        }
        b.append("<dt>")
                .append(Html.escape(label))
                .append("</dt><dd id=\"")
                .append(id)
                .append("\">")
                .append(Html.escape(value))
                .append("</dd>\n");
    }

    private static boolean isHttpUrl(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }
}
