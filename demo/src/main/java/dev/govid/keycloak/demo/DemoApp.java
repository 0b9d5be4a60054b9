package dev.govid.keycloak.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Html;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.RandomTokens;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;

/**
 * The demo's relying party: a plain OIDC client of realm govid-demo, so a visitor sees what an application
 * receives after a BundID or ID Austria login. Tokens stay server-side; the browser only holds a random session id.
 */
final class DemoApp implements AutoCloseable {
    private static final String SESSION_COOKIE = "govid_demo_session";

    private final HttpServer server;
    private final OidcClient oidc;
    private final String appUrl;
    private final Map<String, AuthorizationRequest> pendingLogins = new ConcurrentHashMap<>();
    private final Map<String, TokenResponse> sessions = new ConcurrentHashMap<>();

    private final LegacySaml1App legacy;

    private DemoApp(HttpServer server, OidcClient oidc, String appUrl) {
        this.server = server;
        this.oidc = oidc;
        this.appUrl = appUrl;
        this.legacy =
                new LegacySaml1App(oidc.authorizationEndpoint().replace("/protocol/openid-connect/auth", ""), appUrl);
    }

    static DemoApp start(int port, String appUrl, OidcClient oidc) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            DemoApp app = new DemoApp(server, oidc, appUrl);
            server.createContext("/", app::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("demo app cannot listen on port " + port, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            Map<String, String> query = Urls.queryParams(uri);
            switch (uri.getPath()) {
                case "/" -> sendHtml(exchange, 200, indexPage(session(exchange)));
                case "/login" -> startLogin(exchange, query.getOrDefault("via", "bundid"));
                case "/callback" -> finishLogin(exchange, query);
                case "/claims" -> showClaims(exchange);
                case "/embedded" ->
                    sendHtml(
                            exchange,
                            200,
                            page(
                                    "Embedded login",
                                    "<p>The GovID login inside this page, in an "
                                            + "iframe: allowed because the demo client lists this origin in <code>govid.frameAncestors</code>.</p>"
                                            + "<iframe title=\"GovID login\" src=\"/login?via=choose\" style=\"width:100%;height:56em;border:1px solid #767676\">"
                                            + "</iframe><p><a href=\"/\">Home</a></p>"));
                case "/logout" -> logout(exchange);
                case "/oa/welcome" ->
                    sendHtml(exchange, 200, page("Legacy SAML1 application", legacy.welcomePage(query)));
                default ->
                    sendHtml(exchange, 404, page("Not found", "<p>Nothing here.</p><p><a href=\"/\">Home</a></p>"));
            }
        } catch (RuntimeException e) {
            sendHtml(
                    exchange,
                    500,
                    page("Error", "<pre>" + Html.escape(e.toString()) + "</pre><p><a href=\"/\">Home</a></p>"));
        } finally {
            exchange.close();
        }
    }

    private void startLogin(HttpExchange exchange, String variant) throws IOException {
        Map<String, String> extra =
                switch (variant) {
                    case "choose" -> Map.of();
                    case "level4" -> Map.of("kc_idp_hint", "bundid", "acr_values", "STORK-QAA-Level-4");
                    case "idaustria" -> Map.of("kc_idp_hint", "idaustria");
                    case "digid" -> Map.of("kc_idp_hint", "digid");
                    default -> Map.of("kc_idp_hint", "bundid");
                };
        AuthorizationRequest request = oidc.newAuthorizationRequest("openid profile email", extra);
        expireOldLogins();
        pendingLogins.put(request.state(), request);
        redirect(exchange, request.url());
    }

    private void finishLogin(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (query.containsKey("error")) {
            sendHtml(
                    exchange,
                    400,
                    page(
                            "Login failed",
                            "<p>Keycloak answered <code>" + Html.escape(query.get("error")) + "</code>: "
                                    + Html.escape(query.getOrDefault("error_description", ""))
                                    + "</p><p><a href=\"/\">Back</a></p>"));
            return;
        }
        AuthorizationRequest request = pendingLogins.remove(query.getOrDefault("state", ""));
        if (request == null) {
            sendHtml(
                    exchange,
                    400,
                    page("Login failed", "<p>Unknown or reused <code>state</code>.</p><p><a href=\"/\">Back</a></p>"));
            return;
        }
        TokenResponse tokens = oidc.exchangeCode(query.get("code"), request.codeVerifier());
        if (!request.nonce().equals(tokens.idTokenClaims().path("nonce").asText())) {
            throw new IllegalStateException("ID token nonce does not match the login request");
        }
        String sessionId = RandomTokens.urlSafe(24);
        sessions.put(sessionId, tokens);
        exchange.getResponseHeaders()
                .add("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Lax");
        // Redirect instead of rendering, so reloading the claims page does not replay the one-time code.
        redirect(exchange, "/claims");
    }

    private void showClaims(HttpExchange exchange) throws IOException {
        Optional<TokenResponse> tokens = session(exchange);
        if (tokens.isEmpty()) {
            redirect(exchange, "/");
            return;
        }
        JsonNode claims = tokens.get().idTokenClaims();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, JsonNode> claim : claims.properties()) {
            String value = claim.getValue().isValueNode() ? claim.getValue().asText() : Json.write(claim.getValue());
            rows.append("<tr><th>")
                    .append(Html.escape(claim.getKey()))
                    .append("</th><td>")
                    .append(Html.escape(value))
                    .append("</td></tr>\n");
        }
        sendHtml(
                exchange,
                200,
                page(
                        "Your ID token",
                        "<p>Keycloak issued this ID token to <code>" + Html.escape(DemoSettings.CLIENT_ID)
                                + "</code>.</p>"
                                + "<table>" + rows + "</table>"
                                + "<h2>Raw claims</h2><pre>" + Html.escape(Json.pretty(claims)) + "</pre>"
                                + "<p><a class=\"button\" href=\"/logout\">Log out</a> <a href=\"/\">Home</a></p>"));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Optional<String> sessionId = sessionId(exchange);
        TokenResponse tokens = sessionId.map(sessions::remove).orElse(null);
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0");
        if (tokens == null) {
            redirect(exchange, "/");
            return;
        }
        redirect(exchange, oidc.endSessionUrl(tokens.idToken(), appUrl + "/"));
    }

    private String indexPage(Optional<TokenResponse> session) {
        String status = session.map(tokens -> "<p>Signed in as <strong>"
                        + Html.escape(tokens.idTokenClaims()
                                .path("preferred_username")
                                .asText()) + "</strong>. "
                        + "<a href=\"/claims\">Show my claims</a> · <a href=\"/logout\">Log out</a></p>")
                .orElse("<p>Not signed in.</p>");
        return page(
                "GovID demo application",
                status
                        + "<p><a class=\"button\" href=\"/login?via=bundid\">Log in with BundID</a></p>"
                        + "<p><a class=\"button\" href=\"/login?via=idaustria\">Log in with ID Austria (also on behalf of someone)</a></p>"
                        + "<p><a class=\"button\" href=\"/login?via=digid\">Log in with DigiD (also on behalf of someone: DigiD Machtigen)</a></p>"
                        + "<p><a class=\"button secondary\" href=\"/login?via=choose\">Log in (choose your eID on the GovID selection page)</a> "
                        + "<a class=\"button secondary\" href=\"/embedded\">… embedded in this page (iframe)</a></p>"
                        + "<h2>Legacy MOA-ID SAML1 application</h2>"
                        + "<p><a class=\"button secondary\" href=\"" + Html.escape(legacy.startUrl(false))
                        + "\">Log in via SAML1 (StartAuthentication)</a> "
                        + "<a class=\"button secondary\" href=\"" + Html.escape(legacy.startUrl(true))
                        + "\">… with a mandate (useMandate=true)</a></p>"
                        + "<p><a class=\"button secondary\" href=\"/login?via=level4\">Log in with BundID, level 4 "
                        + "(acr_values=STORK-QAA-Level-4)</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse;max-width:100%;display:block;overflow-x:auto}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;"
                + "vertical-align:top}td{word-break:break-all}pre{background:#f4f4f4;padding:1em;overflow:auto}"
                + ".button{display:inline-block;padding:.6em 1.2em;background:#004b76;color:#fff;text-decoration:none;"
                + "border-radius:4px}.button.secondary{background:#5a6b78}</style></head><body><h1>"
                + Html.escape(title) + "</h1>" + body + "</body></html>";
    }

    private Optional<TokenResponse> session(HttpExchange exchange) {
        return sessionId(exchange).map(sessions::get);
    }

    private static Optional<String> sessionId(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(SESSION_COOKIE)) {
                    return Optional.of(pair[1]);
                }
            }
        }
        return Optional.empty();
    }

    /** A demo runs for hours; abandoned logins must not accumulate without bound. */
    private void expireOldLogins() {
        if (pendingLogins.size() > 1000) {
            pendingLogins.clear();
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
