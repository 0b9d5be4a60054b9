/** The login flow: pending transactions, form completion, issued-response log. */
package dev.govid.simulator.login;
