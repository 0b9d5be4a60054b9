package dev.govid.keycloak.it.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;

/**
 * What a MOA-ID online application and its user do against one Keycloak's SAML1 protocol endpoint: the browser
 * part (StartAuthentication → ID Austria simulator → redirect with SAMLArtifact) and the SOAP back channel.
 */
public final class Saml1Calls {
    private static final HttpClient PLAIN_HTTP = HttpClient.newHttpClient();

    private final String protocolUrl;
    private final HttpClient http;

    /** @param realmUrl e.g. {@code http://127.0.0.1:8080/realms/govid-demo} */
    public Saml1Calls(String realmUrl) {
        this(realmUrl, PLAIN_HTTP);
    }

    /** With a client of its own, e.g. one presenting a TLS client certificate. */
    public Saml1Calls(String realmUrl, HttpClient http) {
        this.protocolUrl = realmUrl + "/protocol/govid-moa-saml1";
        this.http = http;
    }

    public String protocolUrl() {
        return protocolUrl;
    }

    /** StartAuthentication parameters for an ID Austria login of the application at {@code oa}. */
    public static Map<String, String> start(String oa) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Target", "BF");
        params.put("OA", oa);
        params.put("kc_idp_hint", "idaustria");
        return params;
    }

    /** Runs the browser part as {@code persona} and returns the redirect to the application (with SAMLArtifact). */
    public URI loginAtApplication(
            Map<String, String> params, String persona, boolean answerRepresentation, String applicationPrefix) {
        return finishAtEid(params, persona, answerRepresentation, applicationPrefix, "login");
    }

    /** The person cancels at the eID system; returns where the browser is sent then. */
    public URI cancelAtEid(Map<String, String> params, boolean answerRepresentation, String applicationPrefix) {
        return finishAtEid(params, "anna", answerRepresentation, applicationPrefix, "cancel");
    }

    private URI finishAtEid(
            Map<String, String> params,
            String persona,
            boolean answerRepresentation,
            String applicationPrefix,
            String action) {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(applicationPrefix);
        Page page = browser.get(Urls.withQuery(protocolUrl + "/StartAuthentication", params));
        if (answerRepresentation) {
            page = browser.submitForm(page, "#govid-representation-form", Map.of("representation", "self"));
        }
        Page simulatorForm = browser.followAutoPost(page);
        Page toKeycloak = browser.submitForm(
                simulatorForm,
                "form[action$=/pvp/login]",
                Map.of("persona", persona, "loa", "high", "fault", "none"),
                "action=" + action);
        Page redirect = browser.followAutoPost(toKeycloak);
        assertThat(redirect.isRedirect())
                .as("redirect to the application: %s", redirect)
                .isTrue();
        return redirect.location();
    }

    public HttpResponse<String> getAuthenticationData(String artifact) {
        return soap(requestFor(artifact), null);
    }

    /** @param basicAuth {@code user:password} or null */
    public HttpResponse<String> soap(String body, String basicAuth) {
        try {
            return trySoap(body, basicAuth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #soap} but lets transport failures (e.g. a refused TLS handshake) through as they are. */
    public HttpResponse<String> trySoap(String body, String basicAuth) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(protocolUrl + "/GetAuthenticationData"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (basicAuth != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return checked(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What every GetAuthenticationData answer in the tests must satisfy, whichever test made the call: a
     * {@code samlp:Response} is valid against the SAML schema of its MinorVersion, and no answer may be cached.
     */
    private static HttpResponse<String> checked(HttpResponse<String> response) {
        Saml1Schema.assertValidResponse(response.body());
        assertThat(response.headers().firstValue("Cache-Control"))
                .as("Cache-Control")
                .hasValueSatisfying(
                        value -> assertThat(value).contains("no-store").contains("no-cache"));
        assertThat(response.headers().firstValue("Pragma")).as("Pragma").contains("no-cache");
        return response;
    }

    public static String requestFor(String artifact) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
                <samlp:Request xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="0"
                    RequestID="_r%d" IssueInstant="2026-11-23T10:00:00Z"><samlp:AssertionArtifact>%s</samlp:AssertionArtifact>
                </samlp:Request></soapenv:Body></soapenv:Envelope>""".formatted(System.nanoTime(), artifact);
    }
}
