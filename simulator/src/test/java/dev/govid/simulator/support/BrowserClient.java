package dev.govid.simulator.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Drives the simulator the way a browser would, with java.net.http only. */
public final class BrowserClient {
    private static final Pattern TX = Pattern.compile("name=\"tx\" id=\"tx\" value=\"([^\"]+)\"");
    private static final Pattern ERROR_CODE = Pattern.compile("id=\"error-code\">([^<]+)<");
    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]+)\"");
    private static final Pattern RELAY_STATE = Pattern.compile("name=\"RelayState\" value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form method=\"post\" action=\"([^\"]+)\" id=\"saml-post\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    public BrowserClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> postAuthnRequest(String xml, String relayState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLRequest", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return postForm("/idp/profile/SAML2/POST/SSO", form);
    }

    /** POST binding to the PVP mode's SSO endpoint. */
    public HttpResponse<String> postPvpAuthnRequest(String xml, String relayState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLRequest", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return postForm("/pvp/profile/SAML2/POST/SSO", form);
    }

    /** Submits the PVP login form ({@code loa} may be null for the page default) and returns the auto-POST page. */
    public HttpResponse<String> pvpLogin(String tx, String persona, String loa, String fault, String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tx", tx);
        form.put("persona", persona);
        if (loa != null) {
            form.put("loa", loa);
        }
        form.put("fault", fault == null ? "none" : fault);
        form.put("action", action);
        return postForm("/pvp/login", form);
    }

    /** Submits the login form and returns the auto-POST page. */
    public HttpResponse<String> login(String tx, String persona, String method, String fault, String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tx", tx);
        form.put("persona", persona);
        if (method != null) {
            form.put("method", method);
        }
        form.put("fault", fault == null ? "none" : fault);
        form.put("action", action);
        return postForm("/idp/login", form);
    }

    public static String transactionId(String loginPage) {
        return group(TX, loginPage);
    }

    public static String errorCode(String page) {
        return group(ERROR_CODE, page);
    }

    public static String samlResponseXml(String autoPostPage) {
        return new String(Base64.getDecoder().decode(group(SAML_RESPONSE, autoPostPage)), StandardCharsets.UTF_8);
    }

    public static String relayState(String autoPostPage) {
        return group(RELAY_STATE, autoPostPage);
    }

    public static String formAction(String autoPostPage) {
        return group(FORM_ACTION, autoPostPage);
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError("pattern " + pattern + " not found in:\n" + text);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
