/**
 * What a person sees before and around the eID login: the eID selection step (the realm's eID systems as clear
 * choices, per client filtered and ordered), the SSO confirmation step ("signed in as … — continue to …?", as in
 * MOA-ID's Single-Sign-On-Anmeldeabfrage), and which origins may embed the login pages in an iframe
 * (per-client {@code frame-ancestors}). The pages themselves live in the {@code govid} theme.
 */
package dev.govid.keycloak.selection;
