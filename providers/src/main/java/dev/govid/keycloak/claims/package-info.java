/**
 * What every GovID OIDC claims mapper shares: its place in the admin console (token mapper, id, label, help,
 * the "add to ID token / access token / userinfo" switches). The claims themselves belong to the packages that
 * know them: {@code bundid}, {@code pvp}, {@code mandate}.
 */
package dev.govid.keycloak.claims;
