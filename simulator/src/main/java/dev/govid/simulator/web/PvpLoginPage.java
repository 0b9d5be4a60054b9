package dev.govid.simulator.web;

import java.util.List;
import java.util.stream.Collectors;

import dev.govid.simulator.Fault;
import dev.govid.simulator.pvp.LoginLevel;
import dev.govid.simulator.pvp.PvpAttribute;
import dev.govid.simulator.pvp.PvpLevelRequirement;
import dev.govid.simulator.pvp.PvpPersona;
import dev.govid.simulator.pvp.PvpRequest;
import dev.govid.simulator.pvp.PvpTransaction;
import dev.govid.simulator.pvp.PvpVariant;
import dev.govid.simulator.pvp.RequestedPvpAttribute;

/** The ID-Austria-like login page of the PVP mode: persona, level of assurance and test scenario. */
final class PvpLoginPage {
    private PvpLoginPage() {}

    static WebReply render(PvpTransaction tx, List<PvpPersona> personas, String formAction) {
        PvpRequest request = tx.request();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Anmelden mit ID Austria (Simulator, PVP2 S-Profil)</h1>\n");
        if (request.forceAuthn()) {
            b.append("<p id=\"force-authn\"><strong>Erneute Anmeldung verlangt</strong> "
                    + "(ForceAuthn: eine bestehende Sitzung zählt nicht)</p>\n");
        }
        appendRequestSummary(b, tx);
        appendRequestedAttributes(b, request.requestedAttributes());

        b.append("<form method=\"post\" action=\"")
                .append(Html.escape(formAction))
                .append("\" id=\"login-form\">\n");
        b.append("<input type=\"hidden\" name=\"tx\" id=\"tx\" value=\"")
                .append(Html.escape(tx.id()))
                .append("\">\n");
        appendPersonas(b, personas, request.asksForMandate());
        appendLevels(b);
        appendFaults(b);
        appendVariants(b);
        b.append("<p><button type=\"submit\" name=\"action\" value=\"login\" id=\"action-login\">Anmelden</button>")
                .append(
                        "<button type=\"submit\" name=\"action\" value=\"cancel\" id=\"action-cancel\">Abbrechen</button></p>\n");
        b.append("</form>\n");
        return WebReply.html(200, Html.page("de", "ID Austria Simulator – Anmeldung", b.toString()), "pvp-login-page");
    }

    private static void appendRequestSummary(StringBuilder b, PvpTransaction tx) {
        PvpRequest request = tx.request();
        b.append("<dl id=\"request-summary\">\n");
        row(b, "EntityID des Dienstes", "sp-entity-id", tx.sp().entityId());
        row(b, "Bereich (bPK)", "sector", tx.sector().identifierUrn());
        row(b, "Angefordertes Vertrauensniveau", "requested-level", describe(request.levelRequirement()));
        row(
                b,
                "Attributsatz (AttributeConsumingServiceIndex)",
                "attribute-set",
                request.attributeConsumingServiceIndex() == null
                        ? "keine Angabe"
                        : request.attributeConsumingServiceIndex().toString());
        row(b, "Vertretung angefragt", "mandate-requested", request.asksForMandate() ? "ja" : "nein");
        row(b, "Erneute Anmeldung verlangt", "force-authn-requested", request.forceAuthn() ? "ja" : "nein");
        b.append("</dl>\n");
    }

    private static String describe(PvpLevelRequirement requirement) {
        if (requirement == null) {
            return "keine Angabe (Antwort als eIDAS-LoA)";
        }
        return requirement.comparison() + ": "
                + requirement.levels().stream()
                        .map(level -> requirement.vocabulary().classRef(level))
                        .collect(Collectors.joining(", "));
    }

    private static void appendRequestedAttributes(StringBuilder b, List<RequestedPvpAttribute> requested) {
        if (requested == null) {
            b.append("<p id=\"requested-attributes\">Keine eidas:RequestedAttributes: die Standardattribute "
                    + "(ohne Vertretungsdaten) werden übermittelt.</p>\n");
            return;
        }
        b.append("<p>Angefragte Attribute:</p>\n<ul id=\"requested-attributes\">\n");
        for (RequestedPvpAttribute a : requested) {
            String friendly = PvpAttribute.fromUrn(a.name())
                    .map(PvpAttribute::friendlyName)
                    .orElse("unbekannt");
            b.append("<li><code>")
                    .append(Html.escape(a.name()))
                    .append("</code> (")
                    .append(Html.escape(friendly))
                    .append(')')
                    .append(a.required() ? " (Pflicht)" : "")
                    .append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static void appendPersonas(StringBuilder b, List<PvpPersona> personas, boolean mandateRequested) {
        b.append("<fieldset id=\"personas\"><legend>Testperson</legend>\n");
        if (!mandateRequested) {
            b.append("<p class=\"hint\">Der Dienst fragt keine Vertretung an: Vertreterinnen und Vertreter melden "
                    + "sich für sich selbst an.</p>\n");
        }
        boolean first = true;
        for (PvpPersona p : personas) {
            String id = "persona-" + p.id();
            String cap = p.maxLevel() == LoginLevel.HIGH
                    ? ""
                    : " (höchstens " + p.maxLevel().germanName() + ")";
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
                    .append(Html.escape(cap))
                    .append("</label></div>\n");
            first = false;
        }
        b.append("</fieldset>\n");
    }

    private static void appendLevels(StringBuilder b) {
        b.append("<p><label for=\"loa\">Vertrauensniveau der Anmeldung</label>\n<select name=\"loa\" id=\"loa\">\n");
        for (LoginLevel level : LoginLevel.values()) {
            b.append("<option value=\"")
                    .append(level.wireName())
                    .append('"')
                    .append(level == LoginLevel.HIGH ? " selected" : "")
                    .append('>')
                    .append(Html.escape(level.wireName() + " – " + level.germanName() + " (STORK-QAA-Level-"
                            + level.storkLevel() + ")"))
                    .append("</option>\n");
        }
        b.append("</select> <span class=\"hint\">Eine Testperson kann es begrenzen.</span></p>\n");
    }

    private static void appendFaults(StringBuilder b) {
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
    }

    private static void appendVariants(StringBuilder b) {
        b.append("<p><label for=\"variant\">Antwortvariante (wie ein echter IdP antworten kann)</label>\n"
                + "<select name=\"variant\" id=\"variant\">\n");
        for (PvpVariant v : PvpVariant.values()) {
            b.append("<option value=\"")
                    .append(v.wireName())
                    .append('"')
                    .append(v == PvpVariant.NONE ? " selected" : "")
                    .append('>')
                    .append(Html.escape(v.wireName() + " – " + v.label()))
                    .append("</option>\n");
        }
        b.append("</select></p>\n");
    }

    private static void row(StringBuilder b, String label, String id, String value) {
        b.append("<dt>")
                .append(Html.escape(label))
                .append("</dt><dd id=\"")
                .append(id)
                .append("\">")
                .append(Html.escape(value))
                .append("</dd>\n");
    }
}
