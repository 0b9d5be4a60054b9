package dev.govid.keycloak.selection;

import java.util.regex.Pattern;

import dev.govid.keycloak.saml.ConfigValues;

/** Image URLs from admin settings: https or server-relative only, no characters that could leave an attribute. */
final class SafeUrls {

    private static final int MAX_LENGTH = 2048;
    private static final Pattern SAFE = Pattern.compile("(https://|/)[A-Za-z0-9._~:/?#\\[\\]@!$&()*+,;=%-]*");

    private SafeUrls() {
    }

    static String imageUrlOrNull(String value) {
        String v = ConfigValues.trimToNull(value);
        if (v == null || v.length() > MAX_LENGTH || v.startsWith("//") || !SAFE.matcher(v).matches()) {
            return null;
        }
        return v;
    }
}
