/** Test citizens and their attributes. */
package dev.govid.simulator.persona;
