/**
 * Benchmarks that run a real Keycloak with GovID installed and compare a GovID path with the stock Keycloak
 * path doing the same job, measured in the same run on the same machine.
 */
package dev.govid.keycloak.benchmarks;
