/**
 * Reading settings strictly, in one place per concern: {@link dev.govid.keycloak.settings.HttpUrl} (the only URL
 * comparison GovID makes), {@link dev.govid.keycloak.settings.SettingsReader} (typed values, problems instead of
 * guesses), {@link dev.govid.keycloak.settings.Parsed} (a settings group read once) and
 * {@link dev.govid.keycloak.settings.Misconfiguration} (what a login does when a setting is invalid anyway: a
 * clear page and one log line). Core: imports no other GovID package.
 */
package dev.govid.keycloak.settings;
