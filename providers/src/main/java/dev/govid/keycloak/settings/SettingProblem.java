package dev.govid.keycloak.settings;

/**
 * One setting an admin must fix: its key and why its value is refused. The message does not repeat the value
 * (values may be long or hostile) — at most a part already checked to be harmless, such as an identity-provider
 * alias — so it is safe in a log line and in an admin API answer.
 */
public record SettingProblem(String key, String message) {

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
