/** Trusted service-provider metadata. */
package dev.govid.simulator.sp;
