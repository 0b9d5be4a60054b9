/** Hardened XML parsing and namespace-URI based DOM helpers. */
package dev.govid.simulator.xml;
