/** Reading and verifying BundID AuthnRequests (POST and Redirect binding, akdb extension). */
package dev.govid.simulator.request;
