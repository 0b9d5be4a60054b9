package dev.govid.keycloak.benchmarks;

/** One complete login, as a browser performs it, that a benchmark repeats. */
interface LoginPath {

    String name();

    /** Runs one login with a fresh browser (no SSO) and returns once the tokens are issued. */
    void login();
}
