/**
 * The ID Austria / PVP2 S-Profil identity provider type ({@code govid-pvp}): a narrow subclass of
 * Keycloak's SAML broker with the PVP attribute catalogue, bPK parsing with its sector, levels in the PVP
 * secclass / STORK / eIDAS vocabularies, the test-identity guard, and mandates handed to the
 * {@code mandate} package.
 */
package dev.govid.keycloak.pvp;
