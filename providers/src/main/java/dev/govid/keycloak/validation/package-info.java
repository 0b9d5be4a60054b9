/**
 * Settings that cannot be saved wrong: GovID's client, realm and (through the eID profiles' {@code validate})
 * identity-provider settings are checked when an admin saves them, with the same readers the login uses. See
 * docs/settings.md for every key and docs/keycloak-internals.md for which Keycloak paths run the checks.
 */
package dev.govid.keycloak.validation;
