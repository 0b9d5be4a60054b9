/**
 * Shared SAML helpers for the eID profiles: reading profile configuration values, IdP metadata
 * resolution, facts about received assertions and SP metadata shaping. Parsing and cryptography stay
 * with Keycloak's saml-core and Santuario; this package only adds what the eID dialects need on top.
 */
package dev.govid.keycloak.saml;
