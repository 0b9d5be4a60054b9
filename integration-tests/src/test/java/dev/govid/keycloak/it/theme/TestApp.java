package dev.govid.keycloak.it.theme;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.govid.keycloak.harness.Ports;

/**
 * The application side of the browser tests, on its own origin: {@code /callback} is the redirect URI (it shows
 * whether a code or an error arrived), {@code /embed?src=…} a page that shows a login in an iframe.
 */
final class TestApp implements AutoCloseable {

    private final HttpServer server;
    private final String origin;

    private TestApp(HttpServer server, String origin) {
        this.server = server;
        this.origin = origin;
    }

    static TestApp start() {
        int port = Ports.free();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            server.createContext("/callback", TestApp::callback);
            server.createContext("/embed", TestApp::embed);
            server.start();
            return new TestApp(server, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return origin;
    }

    String callbackUrl() {
        return origin + "/callback";
    }

    String embedUrl(String src) {
        return origin + "/embed?src=" + java.net.URLEncoder.encode(src, StandardCharsets.UTF_8);
    }

    private static void callback(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String body = "<!DOCTYPE html><html lang=\"en\"><head><title>Test app</title></head><body><main>"
                + "<h1 id=\"app-result\">"
                + (q.containsKey("code") ? "code received" : "error: " + escape(q.getOrDefault("error", "none")))
                + "</h1></main></body></html>";
        send(exchange, body);
    }

    private static void embed(HttpExchange exchange) throws IOException {
        String src = query(exchange).getOrDefault("src", "about:blank");
        String body = "<!DOCTYPE html><html lang=\"en\"><head><title>Embedding application</title></head><body><main>"
                + "<h1>Application with an embedded login</h1>"
                + "<iframe id=\"login-frame\" title=\"Login\" src=\"" + escape(src)
                + "\" style=\"width:100%;height:900px;border:1px solid #767676\"></iframe>"
                + "</main></body></html>";
        send(exchange, body);
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
