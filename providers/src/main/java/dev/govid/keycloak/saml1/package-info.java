/**
 * saml1: the MOA-ID SAML1 login protocol: StartAuthentication, artifacts, GetAuthenticationData, assertion
 * builder, status codes.
 *
 * <p>The legacy interface that Austrian online applications (OAs) still speak to MOA-ID: the 42-byte
 * type-0x0001 artifact handed to the browser, the SOAP {@code samlp:Request} the OA sends back to fetch the
 * login, the authentication data kept between the two (as JSON in Keycloak's single-use store), and the SOAP
 * {@code samlp:Response} with the {@code saml:Assertion} MOA-ID used to deliver. The Keycloak side is a
 * {@code LoginProtocol} with its endpoints ({@code MoaSaml1LoginProtocol}, {@code StartAuthentication},
 * {@code GetAuthenticationData}), which reads the login from the user session's {@code govid.login} note. The
 * wire format ({@code Saml1AssertionBuilder}, {@code SamlArtifact}, {@code SoapRequestParser}, …) uses neither
 * Keycloak sessions nor HTTP, so it is tested on its own and checked by an independent SAML 1.x implementation.
 */
package dev.govid.keycloak.saml1;
