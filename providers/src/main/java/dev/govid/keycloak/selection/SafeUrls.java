package dev.govid.keycloak.selection;

import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.settings.HttpUrl;

/** Image URLs from admin settings, checked by {@link HttpUrl#image}: https or server-relative, nothing else. */
final class SafeUrls {

    private SafeUrls() {}

    static String imageUrlOrNull(String value) {
        String v = ConfigValues.trimToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return HttpUrl.image(v);
        } catch (HttpUrl.InvalidUrlException e) {
            return null;
        }
    }
}
