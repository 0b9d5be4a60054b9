/**
 * One vocabulary of levels of assurance. Keycloak's numeric level of authentication is the STORK QAA
 * level (1 basic registration, 2 low, 3 substantial, 4 high); this package translates it to and from the
 * wire vocabularies of the eID systems (STORK names, eIDAS URIs) and records the level a brokered login
 * actually reached so that Keycloak's {@code acr} claim and step-up checks see the real level.
 */
package dev.govid.keycloak.loa;
