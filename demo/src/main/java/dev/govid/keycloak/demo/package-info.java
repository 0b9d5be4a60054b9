/**
 * The demo {@code bin/demo} runs: the eID simulator, Keycloak with GovID's jars and the demo realm, a small
 * OIDC application and a legacy MOA-ID SAML1 application, all on localhost. Built on the test harness
 * ({@code dev.govid.keycloak.harness}); nothing here is used by the tests.
 */
package dev.govid.keycloak.demo;
