/**
 * The one eID-neutral model of what a login proved ({@link dev.govid.keycloak.login.EidLogin}): person key
 * with its type and sector, names, birthdate, address, level, method, issuing nation, the attributes by claim
 * name, test and temporary flags, the mandate. Each eID profile writes it once per login into the user session;
 * claims, SAML1, the pages and the per-client rules read it and never ask which eID system it came from. A
 * client session sees it only after the per-client rules passed it ({@link dev.govid.keycloak.login.EidLoginNote#forClient}).
 * {@link dev.govid.keycloak.login.EidSystem} is what a profile tells the pages about its system.
 * Data minimisation: the session keeps of the optional data ({@link dev.govid.keycloak.login.KeptData}) only what
 * the login client's consumers ({@link dev.govid.keycloak.login.LoginDataConsumer}: GovID's mappers, the SAML1
 * protocol) need, as {@link dev.govid.keycloak.login.ClientDataNeeds} asks them.
 */
package dev.govid.keycloak.login;
