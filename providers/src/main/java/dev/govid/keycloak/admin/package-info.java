/**
 * What GovID's admin REST endpoints share: their registration under a realm's admin API ({@link
 * dev.govid.keycloak.admin.AdminEndpointFactory}); each endpoint itself stays in the package whose data it shows.
 */
package dev.govid.keycloak.admin;
