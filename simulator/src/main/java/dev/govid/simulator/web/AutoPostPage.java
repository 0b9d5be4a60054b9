package dev.govid.simulator.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.govid.simulator.IssuedResponse;

/** Delivers a SAML Response to the ACS over the HTTP-POST binding. */
final class AutoPostPage {
    private AutoPostPage() {}

    static WebReply render(IssuedResponse response, String outcome) {
        String encoded =
                Base64.getEncoder().encodeToString(response.responseXml().getBytes(StandardCharsets.UTF_8));
        StringBuilder body = new StringBuilder();
        body.append("<form method=\"post\" action=\"")
                .append(Html.escape(response.acsUrl()))
                .append("\" id=\"saml-post\">\n");
        body.append("<input type=\"hidden\" name=\"SAMLResponse\" value=\"")
                .append(encoded)
                .append("\">\n");
        if (response.relayState() != null) {
            body.append("<input type=\"hidden\" name=\"RelayState\" value=\"")
                    .append(Html.escape(response.relayState()))
                    .append("\">\n");
        }
        body.append("<noscript><p>JavaScript ist deaktiviert. Bitte fortfahren:</p>"
                + "<button type=\"submit\">Weiter</button></noscript>\n");
        body.append("</form>\n");
        body.append("<script>document.getElementById('saml-post').submit();</script>\n");
        return WebReply.html(200, Html.page("de", "Weiterleitung zum Online-Dienst", body.toString()), outcome);
    }
}
