package dev.govid.keycloak.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.govid.keycloak.harness.Html;
import dev.govid.keycloak.harness.Urls;

/**
 * A legacy MOA-ID online application in miniature, as the demo's {@code /oa/} pages: it starts the login
 * with {@code StartAuthentication}, receives the browser back with a {@code SAMLArtifact}, fetches the
 * assertion over SOAP ({@code GetAuthenticationData}) and shows what it got, exactly as a SAML1 client would.
 */
final class LegacySaml1App {

    static final String PREFIX = "/oa/";

    private final String realmUrl;
    private final String appUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LegacySaml1App(String realmUrl, String appUrl) {
        this.realmUrl = realmUrl;
        this.appUrl = appUrl;
    }

    /** Where a page of the legacy application starts its login. */
    String startUrl(boolean useMandate) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Target", "BF");
        params.put("OA", appUrl + PREFIX + "welcome");
        params.put("kc_idp_hint", "idaustria");
        if (useMandate) {
            params.put("useMandate", "true");
        }
        return Urls.withQuery(realmUrl + "/protocol/govid-moa-saml1/StartAuthentication", params);
    }

    /** The page the browser comes back to: fetch and show the authentication data. */
    String welcomePage(Map<String, String> query) {
        String artifact = query.get("SAMLArtifact");
        if (artifact == null) {
            return "<p>No SAMLArtifact in the request.</p>";
        }
        String soap = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
                <samlp:Request xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="0"
                 RequestID="_%s" IssueInstant="%s"><samlp:AssertionArtifact>%s</samlp:AssertionArtifact></samlp:Request>
                </soapenv:Body></soapenv:Envelope>""".formatted(UUID.randomUUID(), Instant.now(), Html.escape(artifact));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/govid-moa-saml1/GetAuthenticationData"))
                            .header("Content-Type", "text/xml; charset=utf-8")
                            .header("SOAPAction", "")
                            .POST(HttpRequest.BodyPublishers.ofString(soap, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return "<p>Target <code>" + Html.escape(query.getOrDefault("Target", "")) + "</code>, SAMLArtifact <code>"
                    + Html.escape(artifact) + "</code></p>"
                    + "<p>GetAuthenticationData answered HTTP " + response.statusCode() + ":</p>"
                    + "<pre>" + Html.escape(response.body().replace("><", ">\n<")) + "</pre>"
                    + "<p><a href=\"/\">Home</a></p>";
        } catch (Exception e) {
            return "<p>GetAuthenticationData failed: " + Html.escape(e.toString()) + "</p>";
        }
    }
}
