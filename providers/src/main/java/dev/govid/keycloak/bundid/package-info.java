/**
 * The BundID identity provider type ({@code govid-bundid}): a narrow subclass of Keycloak's SAML broker
 * that presets and enforces BundID's profile (signed requests with the {@code akdb} v2 extension,
 * signed responses with encrypted assertions, bPK2 as the person key, STORK levels), maps BundID's
 * attribute catalogue and trust levels, turns BundID's status codes into clear error pages and serves the
 * SP metadata and self-service-portal values an admin needs for onboarding.
 */
package dev.govid.keycloak.bundid;
