/**
 * What every GovID authentication-flow step shares: its registration with Keycloak (id, admin-console name,
 * help text, allowed requirements) in {@link dev.govid.keycloak.flow.GovIdAuthenticatorFactory}, and the answers of
 * a step that runs before anyone is identified in {@link dev.govid.keycloak.flow.UserlessAuthenticator}. The steps
 * themselves live in their packages ({@code mandate}, {@code selection}).
 */
package dev.govid.keycloak.flow;
