package dev.govid.simulator.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP request reduced to what the endpoints need; {@code rawQuery} keeps the URL encoding as received. */
public record WebRequest(
        String method, String path, String rawQuery, Map<String, List<String>> query, Map<String, List<String>> form) {

    public static WebRequest of(String method, String path, String rawQuery, String formBody) {
        return new WebRequest(method, path, rawQuery, parseUrlEncoded(rawQuery), parseUrlEncoded(formBody));
    }

    public String queryParam(String name) {
        return first(query, name);
    }

    public String formParam(String name) {
        return first(form, name);
    }

    private static String first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static Map<String, List<String>> parseUrlEncoded(String encoded) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }
}
