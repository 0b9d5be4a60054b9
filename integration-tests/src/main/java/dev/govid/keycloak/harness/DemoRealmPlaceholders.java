package dev.govid.keycloak.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ${NAME} values realm-exports/ are written with, handed to Keycloak as environment: its realm import
 * replaces the placeholders. One definition for bin/demo and every test Keycloak.
 */
public final class DemoRealmPlaceholders {

    private DemoRealmPlaceholders() {}

    public static Map<String, String> of(
            String keycloakUrl, String simulatorUrl, String appUrl, String demoClientSecret) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("GOVID_KC_URL", keycloakUrl);
        placeholders.put("GOVID_SIM_URL", simulatorUrl);
        // Fetched by Keycloak itself, so it may differ from the browser-facing URL (e.g. in containers).
        placeholders.put("GOVID_SIM_METADATA_URL", simulatorUrl + "/idp/metadata");
        placeholders.put("GOVID_SIM_PVP_METADATA_URL", simulatorUrl + "/pvp/metadata");
        placeholders.put("GOVID_SIM_DIGID_METADATA_URL", simulatorUrl + "/digid/metadata");
        placeholders.put("GOVID_APP_URL", appUrl);
        placeholders.put("GOVID_DEMO_CLIENT_SECRET", demoClientSecret);
        return placeholders;
    }
}
