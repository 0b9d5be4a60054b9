/**
 * saml1: the MOA-ID SAML1 login protocol: StartAuthentication, artifacts, GetAuthenticationData, assertion
 * builder, status codes.
 *
 * <p>This room is the pure logic of the legacy interface that Austrian online applications (OAs) still speak
 * to MOA-ID: the 42-byte type-0x0001 artifact handed to the browser, the SOAP {@code samlp:Request} the OA
 * sends back to fetch the login, the authentication data kept between the two (as JSON in Keycloak's
 * single-use store), and the SOAP {@code samlp:Response} with the {@code saml:Assertion} MOA-ID used to
 * deliver. It knows nothing about Keycloak sessions or HTTP, so the wire format can be tested on its own and
 * checked by an independent SAML 1.x implementation.
 */
package dev.govid.keycloak.saml1;
