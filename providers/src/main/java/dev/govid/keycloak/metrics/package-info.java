/**
 * GovID's counters and timers in Keycloak's own metrics endpoint ({@code --metrics-enabled=true}, Micrometer's
 * global registry, which Keycloak's Prometheus registry joins): logins by eID provider type, level and outcome,
 * refusals by their MOA-ID/GovID code, SAML1 artifacts, revision-log write time and metadata download failures.
 * Labels are bounded sets (provider types, levels, codes); never a person, a client secret or a free text.
 * Without {@code --metrics-enabled} the global registry holds no registry and every call is a no-op.
 */
package dev.govid.keycloak.metrics;
