package dev.govid.keycloak.demo;

import java.nio.file.Path;
import java.util.Map;

import dev.govid.keycloak.harness.DemoRealmPlaceholders;
import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.harness.Ports;

/** bin/demo's configuration, from environment variables with defaults that keep Keycloak's 9000 free. */
record DemoSettings(int keycloakPort, int managementPort, int simulatorPort, int appPort, Path workDir, boolean reset) {
    static final String REALM = "govid-demo";
    static final String CLIENT_ID = "demo-app";
    /** localhost, not 127.0.0.1: browsers keep Keycloak's Secure cookies over http only on localhost. */
    static final String HOST = "localhost";

    static DemoSettings fromEnvironment() {
        return new DemoSettings(
                intEnv("GOVID_KC_PORT", 8080),
                intEnv("GOVID_KC_MGMT_PORT", 9001),
                intEnv("GOVID_SIM_PORT", 8081),
                intEnv("GOVID_APP_PORT", 8082),
                Path.of(envOr(
                                "GOVID_DEMO_WORK_DIR",
                                HarnessPaths.repoDir()
                                        .resolve("target")
                                        .resolve("demo")
                                        .toString()))
                        .toAbsolutePath(),
                !envOr("GOVID_DEMO_RESET", "").isEmpty());
    }

    String keycloakUrl() {
        return "http://" + HOST + ":" + keycloakPort;
    }

    String simulatorUrl() {
        return "http://" + HOST + ":" + simulatorPort;
    }

    String appUrl() {
        return "http://" + HOST + ":" + appPort;
    }

    String realmUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** SP metadata of the demo realm's eID providers, which the simulator trusts. */
    java.util.List<String> brokerMetadataUrls() {
        return java.util.List.of(
                realmUrl() + "/broker/bundid/endpoint/descriptor",
                realmUrl() + "/broker/idaustria/endpoint/descriptor",
                realmUrl() + "/broker/digid/endpoint/descriptor");
    }

    /** Environment for Keycloak: its realm import replaces ${NAME} placeholders with these. */
    Map<String, String> realmPlaceholders(String clientSecret) {
        return DemoRealmPlaceholders.of(keycloakUrl(), simulatorUrl(), appUrl(), clientSecret);
    }

    void requirePortsFree() {
        Map<String, Integer> ports = Map.of(
                "GOVID_KC_PORT",
                keycloakPort,
                "GOVID_KC_MGMT_PORT",
                managementPort,
                "GOVID_SIM_PORT",
                simulatorPort,
                "GOVID_APP_PORT",
                appPort);
        ports.forEach((variable, port) -> {
            if (!Ports.isFree(port)) {
                throw new IllegalStateException(
                        "port " + port + " is in use; choose another with " + variable + "=...");
            }
        });
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
