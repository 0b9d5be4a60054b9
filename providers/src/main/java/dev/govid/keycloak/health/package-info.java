/**
 * GovID's self-test per realm in the spirit of MOA-ID's monitoring servlet: for every GovID identity provider its
 * IdP metadata (reachable now, last read for logins, valid until) and certificates (ours and the IdP's, days to
 * expiry), the SAML1 signing key, and the revision log (chains verify, table writable). HTTP 200 when every check
 * passes, 503 with the failing ones otherwise. Served to realm admins under the admin API; an unauthenticated
 * summary (status and failing check names only) exists only when the operator switches it on.
 */
package dev.govid.keycloak.health;
