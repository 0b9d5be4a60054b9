/**
 * A stand-alone SAML 2.0 identity provider that behaves like BundID on the wire, for demos and integration
 * tests. It is built only on the JDK XML APIs, Apache Santuario and BouncyCastle — never on Keycloak — so it
 * is an independent second implementation to test the Keycloak side against.
 *
 * <p>Entry points: {@link dev.govid.simulator.Simulator} (in-process) and
 * {@link dev.govid.simulator.SimulatorMain} (command line).
 */
package dev.govid.simulator;
