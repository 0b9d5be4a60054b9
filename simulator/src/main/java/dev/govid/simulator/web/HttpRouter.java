package dev.govid.simulator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Dispatches by method and exact path, enforces the body limit and logs one line per request. */
public final class HttpRouter implements HttpHandler {
    public static final int MAX_BODY_BYTES = 256 * 1024;
    private static final long DRAIN_LIMIT_BYTES = 8L * 1024 * 1024;

    private final Map<String, Endpoint> routes = new HashMap<>();
    private final Consumer<String> log;

    public HttpRouter(Consumer<String> log) {
        this.log = log;
    }

    public HttpRouter route(String method, String path, Endpoint endpoint) {
        routes.put(method + " " + path, endpoint);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        WebReply reply;
        try {
            reply = dispatch(exchange, method, path);
        } catch (Exception e) {
            reply = ErrorPage.render(500, "internal-error", "Interner Fehler: " + e);
            reply = new WebReply(500, reply.contentType(), reply.body(), "internal-error " + e);
        }
        try {
            send(exchange, reply);
        } finally {
            log.accept(method + " " + path + " -> " + reply.status() + " " + reply.outcome());
            exchange.close();
        }
    }

    private WebReply dispatch(HttpExchange exchange, String method, String path) throws Exception {
        Endpoint endpoint = routes.get(method + " " + path);
        if (endpoint == null) {
            boolean pathKnown = routes.keySet().stream().anyMatch(k -> k.endsWith(" " + path));
            return pathKnown
                    ? WebReply.text(405, "method not allowed", "method-not-allowed")
                    : WebReply.text(404, "not found", "not-found");
        }
        String body = null;
        if ("POST".equals(method)) {
            byte[] bytes = readLimitedBody(exchange);
            if (bytes == null) {
                drainQuietly(exchange);
                return WebReply.text(413, "request body exceeds " + MAX_BODY_BYTES + " bytes", "body-too-large");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return endpoint.handle(
                WebRequest.of(method, path, exchange.getRequestURI().getRawQuery(), body));
    }

    /** @return the body, or null when it is larger than the limit */
    private static byte[] readLimitedBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Clients only read the 413 if they could finish sending, so a moderately large rest is read and dropped;
     * beyond that the connection is simply closed.
     */
    private static void drainQuietly(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total < DRAIN_LIMIT_BYTES && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the connection is closed after the reply anyway
        }
    }

    private static void send(HttpExchange exchange, WebReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
