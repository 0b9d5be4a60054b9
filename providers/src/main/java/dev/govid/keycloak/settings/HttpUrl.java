package dev.govid.keycloak.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An absolute http(s) URL parsed strictly, and the one place GovID compares URLs: SAML1 OA URLs against the
 * registered prefixes, frame ancestors, theme logo and help links, BundID's BackURL. Never a string prefix:
 * scheme, host and port must be equal and paths match on whole segments after RFC 3986 normalisation
 * (percent-encoded unreserved characters decoded, hex digits upper-cased, default ports dropped).
 *
 * <p>Refused outright, because browsers, proxies and application servers read them differently from us: user
 * info ({@code https://app@evil/}), dot segments raw or percent-encoded ({@code /../}, {@code /%2e%2e/},
 * {@code /..;/}), encoded slashes or backslashes, empty segments ({@code //}), backslashes, spaces, control and
 * non-ASCII characters (hosts must be in punycode), malformed percent-escapes, numeric hosts that are not a
 * plain dotted IPv4 address ({@code 0x7f.1}), a trailing dot on the host, and every scheme but http and https.
 */
public final class HttpUrl {

    public static final int MAX_LENGTH = 2048;
    private static final String UNRESERVED_PUNCTUATION = "-._~";
    private static final String FORBIDDEN = "\\\"<>^`{|}";

    private final String scheme;
    private final String host;
    private final int port;
    /** The normalised path, always starting with {@code /}. */
    private final String path;

    private final List<String> segments;
    private final String query;
    private final String fragment;

    private HttpUrl(
            String scheme, String host, int port, String path, List<String> segments, String query, String fragment) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.segments = segments;
        this.query = query;
        this.fragment = fragment;
    }

    /** Parses {@code raw} or throws with a one-line reason an admin can act on (without echoing the value). */
    public static HttpUrl parse(String raw) throws InvalidUrlException {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidUrlException("is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidUrlException("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                throw new InvalidUrlException("contains a backslash");
            }
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidUrlException("contains a space, a control character or a non-ASCII character"
                        + " (write international host names in punycode and percent-encode the rest)");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new InvalidUrlException("contains the character '" + c + "', which is not allowed in a URL");
            }
        }
        int schemeEnd = raw.indexOf("://");
        if (schemeEnd <= 0 || !raw.substring(0, schemeEnd).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new InvalidUrlException("is not an absolute http(s) URL");
        }
        String scheme = raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidUrlException(
                    "uses the scheme '" + scheme + "'; only https (and http for this computer) are allowed");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(raw, "/?#", authorityStart);
        String authority = raw.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            throw new InvalidUrlException("contains user info (user@host)");
        }
        if (authority.isEmpty()) {
            throw new InvalidUrlException("has no host");
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidUrlException("has an unterminated IPv6 address");
            }
            host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
            if (!host.substring(1, host.length() - 1).matches("[0-9a-f:.]{2,45}") || host.indexOf(':') < 0) {
                throw new InvalidUrlException("has an invalid IPv6 address");
            }
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidUrlException("has characters after the IPv6 address");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = authority.indexOf(':');
            host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            checkHostName(host);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = defaultPort;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}")) {
                throw new InvalidUrlException("has an invalid port");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw new InvalidUrlException("has a port outside 1–65535");
            }
        }
        int queryStart = raw.indexOf('?', authorityEnd);
        int fragmentStart = raw.indexOf('#', authorityEnd);
        if (queryStart > fragmentStart && fragmentStart >= 0) {
            queryStart = -1;
        }
        int pathEnd = queryStart >= 0 ? queryStart : fragmentStart >= 0 ? fragmentStart : raw.length();
        String rawPath = raw.substring(authorityEnd, pathEnd);
        String query = queryStart < 0
                ? null
                : raw.substring(queryStart + 1, fragmentStart >= 0 ? fragmentStart : raw.length());
        String fragment = fragmentStart < 0 ? null : raw.substring(fragmentStart + 1);
        if (query != null) {
            checkPercentEscapes(query, "query");
        }
        if (fragment != null) {
            checkPercentEscapes(fragment, "fragment");
        }
        List<String> segments = normalisedSegments(rawPath.isEmpty() ? "/" : rawPath);
        String path = "/" + String.join("/", segments);
        return new HttpUrl(scheme, host, port, path, Collections.unmodifiableList(segments), query, fragment);
    }

    private static void checkHostName(String host) throws InvalidUrlException {
        if (host.isEmpty()) {
            throw new InvalidUrlException("has no host");
        }
        if (host.length() > 253) {
            throw new InvalidUrlException("has a host name longer than 253 characters");
        }
        if (host.endsWith(".")) {
            throw new InvalidUrlException("has a host name ending in a dot");
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!label.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
                throw new InvalidUrlException("has an invalid host name");
            }
        }
        String last = labels[labels.length - 1];
        if (last.matches("[0-9]+") || host.matches("0x.*|.*\\.0x.*")) {
            // Browsers read 127.1, 0x7f.0.0.1 or 2130706433 as addresses: only the plain dotted form is accepted.
            boolean dottedQuad = labels.length == 4;
            for (String label : labels) {
                dottedQuad &= label.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(label) <= 255;
            }
            if (!dottedQuad) {
                throw new InvalidUrlException("has a numeric host that is not a dotted IPv4 address");
            }
        }
    }

    private static List<String> normalisedSegments(String rawPath) throws InvalidUrlException {
        if (!rawPath.startsWith("/")) {
            throw new InvalidUrlException("has a path that does not start with /");
        }
        checkPercentEscapes(rawPath, "path");
        String[] parts = rawPath.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String segment = normaliseSegment(parts[i]);
            if (segment.isEmpty() && i < parts.length - 1) {
                throw new InvalidUrlException("has an empty path segment (//)");
            }
            String decoded = percentDecoded(segment);
            if (decoded.matches("(?s).*%[0-9A-Fa-f]{2}.*")) {
                throw new InvalidUrlException("has a double percent-encoded path (%25…)");
            }
            String name = decoded.indexOf(';') >= 0 ? decoded.substring(0, decoded.indexOf(';')) : decoded;
            if (name.equals(".") || name.equals("..")) {
                throw new InvalidUrlException("has a dot segment (/./ or /../, also percent-encoded)");
            }
            segments.add(segment);
        }
        return segments;
    }

    /** Decodes percent-encoded unreserved characters, upper-cases the other escapes, refuses encoded separators. */
    private static String normaliseSegment(String segment) throws InvalidUrlException {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int value = Integer.parseInt(segment.substring(i + 1, i + 3), 16);
            char decoded = (char) value;
            if (decoded == '/' || decoded == '\\') {
                throw new InvalidUrlException("has an encoded slash or backslash in its path");
            }
            if (value < 0x20 || value == 0x7f) {
                throw new InvalidUrlException("has an encoded control character in its path");
            }
            if (Character.isLetterOrDigit(decoded) && value < 0x80 || UNRESERVED_PUNCTUATION.indexOf(decoded) >= 0) {
                out.append(decoded);
            } else {
                out.append('%').append(segment.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
            }
            i += 2;
        }
        return out.toString();
    }

    /** Every escape decoded (escapes were checked before): what a server that decodes before it normalises sees. */
    private static String percentDecoded(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                out.append((char) Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void checkPercentEscapes(String part, String where) throws InvalidUrlException {
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) == '%') {
                if (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
                    throw new InvalidUrlException("has a malformed percent-escape in its " + where);
                }
                if (part.charAt(i + 1) == '0' && part.charAt(i + 2) == '0') {
                    throw new InvalidUrlException("has an encoded NUL character");
                }
            }
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    // ---- what settings may hold ----------------------------------------------------------------------

    /**
     * A registered URL prefix (SAML1 OA prefix): an absolute https URL (http only for this computer), without
     * query or fragment.
     */
    public static HttpUrl prefix(String raw) throws InvalidUrlException {
        HttpUrl url = parse(raw);
        url.requireSecureScheme();
        if (url.query != null) {
            throw new InvalidUrlException("has a query (?…); a prefix may only have a path");
        }
        if (url.fragment != null) {
            throw new InvalidUrlException("has a fragment (#…)");
        }
        return url;
    }

    /**
     * An exact origin ({@code https://portal.example.gv.at}, optionally with a port; a trailing {@code /} is
     * tolerated): https, http only for this computer; no wildcard, path, query or fragment.
     */
    public static HttpUrl origin(String raw) throws InvalidUrlException {
        if (raw != null && raw.contains("*")) {
            throw new InvalidUrlException("contains a wildcard; name each origin exactly");
        }
        HttpUrl url = parse(raw);
        url.requireSecureScheme();
        int authorityEnd = indexOfAny(raw, "/?#", raw.indexOf("://") + 3);
        String rest = raw.substring(authorityEnd);
        if (!rest.isEmpty() && !rest.equals("/")) {
            throw new InvalidUrlException(
                    "is not a plain origin (scheme://host[:port]) but has a path, query or fragment");
        }
        return url;
    }

    /** A link a person follows (help page, BundID's BackURL): https, http only for this computer. */
    public static HttpUrl link(String raw) throws InvalidUrlException {
        HttpUrl url = parse(raw);
        url.requireSecureScheme();
        return url;
    }

    /**
     * An image from a setting: an absolute https URL, or a path on this server ({@code /resources/…}), which
     * the browser resolves against Keycloak's own origin.
     */
    public static String image(String raw) throws InvalidUrlException {
        if (raw != null && raw.startsWith("/")) {
            if (raw.startsWith("//")) {
                throw new InvalidUrlException("is a scheme-relative URL (//host); use https://host");
            }
            // Parsed as a path on a placeholder origin: the same character, escape and segment rules apply.
            HttpUrl local = parse("https://server.invalid" + raw);
            if (local.fragment != null) {
                throw new InvalidUrlException("has a fragment (#…)");
            }
            return raw;
        }
        link(raw);
        return raw;
    }

    private void requireSecureScheme() throws InvalidUrlException {
        if (!scheme.equals("https") && !isLoopback()) {
            throw new InvalidUrlException("must use https (http only for localhost / 127.0.0.1 / [::1])");
        }
    }

    // ---- comparing -----------------------------------------------------------------------------------

    /** Whether this URL lies under {@code prefix}: same origin, and the prefix's path segments start this path. */
    public boolean isUnder(HttpUrl prefix) {
        if (!sameOrigin(prefix)) {
            return false;
        }
        List<String> required = prefix.segments;
        int size = required.size();
        boolean directory = size > 0 && required.get(size - 1).isEmpty();
        if (directory) {
            size--;
            if (segments.size() <= size) {
                return false;
            }
        } else if (segments.size() < size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!segments.get(i).equals(required.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** How specific a prefix is: the longer, the better it names one application. */
    public int specificity() {
        return path.length();
    }

    public boolean sameOrigin(HttpUrl other) {
        return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port;
    }

    public boolean isLoopback() {
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127\\.[0-9]+\\.[0-9]+\\.[0-9]+");
    }

    public boolean hasQuery() {
        return query != null;
    }

    public boolean hasFragment() {
        return fragment != null;
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String path() {
        return path;
    }

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default: the CSP source form. */
    public String origin() {
        boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** The normalised form. */
    @Override
    public String toString() {
        return origin() + path + (query == null ? "" : "?" + query) + (fragment == null ? "" : "#" + fragment);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpUrl other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }

    /** A value for a log line: cut short, and with nothing that could start a new line. */
    public static String forLog(String value) {
        if (value == null) {
            return "(none)";
        }
        String shortened = value.length() > 200 ? value.substring(0, 200) + "…" : value;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Why a URL was refused; the message never repeats the value, so it is safe in a log line or an HTTP answer. */
    public static final class InvalidUrlException extends Exception {
        public InvalidUrlException(String reason) {
            super(reason);
        }
    }
}
