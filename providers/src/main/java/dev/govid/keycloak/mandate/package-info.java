/**
 * Representation: one model of "X acts for Y" whatever eID system it came from (Austrian mandates now;
 * DigiD Machtigen, eHerkenning and eIDAS representatives later), the per-client rules that decide which
 * mandates an application accepts, the "for myself / on behalf of someone" step, and the token claims
 * ({@code represents} as in the Dutch government OIDC profile, plus a structured {@code mandate} claim).
 */
package dev.govid.keycloak.mandate;
