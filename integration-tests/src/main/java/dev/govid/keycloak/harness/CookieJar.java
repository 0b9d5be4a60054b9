package dev.govid.keycloak.harness;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A minimal RFC 6265 cookie store that ignores the {@code Secure} flag. Keycloak marks its cookies Secure
 * even over plain http; java.net.CookieManager then never sends them back and logins fail with
 * {@code cookie_not_found}. Our servers are loopback-only, so sending them over http is harmless here.
 */
public final class CookieJar {
    /** One stored cookie; {@code hostOnly} cookies match their exact host only. */
    public record Cookie(String name, String value, String domain, boolean hostOnly, String path, Instant expires) {
        boolean isExpired(Instant now) {
            return expires != null && !expires.isAfter(now);
        }

        boolean matches(URI uri) {
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean domainMatches = hostOnly ? host.equals(domain) : host.equals(domain) || host.endsWith("." + domain);
            return domainMatches && pathMatches(pathOf(uri), path);
        }
    }

    private final List<Cookie> cookies = new ArrayList<>();

    /** Applies every Set-Cookie header of a response from {@code uri}. */
    public synchronized void store(URI uri, List<String> setCookieHeaders) {
        Instant now = Instant.now();
        for (String header : setCookieHeaders) {
            Cookie cookie = parse(uri, header, now);
            if (cookie == null) {
                continue;
            }
            cookies.removeIf(c -> c.name().equals(cookie.name())
                    && c.domain().equals(cookie.domain())
                    && c.path().equals(cookie.path()));
            // Servers delete cookies by sending them already expired.
            if (!cookie.isExpired(now)) {
                cookies.add(cookie);
            }
        }
    }

    /** The Cookie request header for {@code uri}, longest paths first as RFC 6265 asks. */
    public synchronized Optional<String> headerFor(URI uri) {
        Instant now = Instant.now();
        cookies.removeIf(c -> c.isExpired(now));
        String header = cookies.stream()
                .filter(c -> c.matches(uri))
                .sorted((a, b) -> b.path().length() - a.path().length())
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Optional.empty() : Optional.of(header);
    }

    public synchronized Optional<Cookie> get(String name) {
        return cookies.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public synchronized List<Cookie> all() {
        return List.copyOf(cookies);
    }

    public synchronized void clear() {
        cookies.clear();
    }

    private static Cookie parse(URI uri, String header, Instant now) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String domain = host;
        boolean hostOnly = true;
        String path = defaultPath(uri);
        Instant expires = null;
        Instant maxAgeExpiry = null;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int attrEq = attribute.indexOf('=');
            String attrName = (attrEq < 0 ? attribute : attribute.substring(0, attrEq))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            String attrValue = attrEq < 0 ? "" : attribute.substring(attrEq + 1).trim();
            switch (attrName) {
                case "domain" -> {
                    String candidate = attrValue.startsWith(".") ? attrValue.substring(1) : attrValue;
                    if (!candidate.isEmpty()) {
                        domain = candidate.toLowerCase(Locale.ROOT);
                        hostOnly = false;
                    }
                }
                case "path" -> path = attrValue.startsWith("/") ? attrValue : defaultPath(uri);
                case "max-age" -> maxAgeExpiry = parseMaxAge(attrValue, now);
                case "expires" -> expires = parseExpires(attrValue);
                default -> {
                    // Secure, HttpOnly, SameSite: deliberately ignored (see class comment)
                }
            }
        }
        return new Cookie(name, value, domain, hostOnly, path, maxAgeExpiry != null ? maxAgeExpiry : expires);
    }

    private static Instant parseMaxAge(String value, Instant now) {
        try {
            long seconds = Long.parseLong(value);
            return seconds <= 0 ? Instant.EPOCH : now.plusSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseExpires(String value) {
        try {
            return ZonedDateTime.parse(
                            value.replace('-', ' '),
                            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.ROOT))
                    .toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException unparseable) {
                return null; // treat as a session cookie
            }
        }
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String defaultPath(URI uri) {
        String path = pathOf(uri);
        int lastSlash = path.lastIndexOf('/');
        return lastSlash <= 0 ? "/" : path.substring(0, lastSlash);
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        return requestPath.equals(cookiePath)
                || requestPath.startsWith(cookiePath)
                        && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }
}
