package dev.govid.simulator.request;

/** Outcome of checking a request signature against the SP's metadata keys. */
public enum SignatureCheck {
    MISSING,
    VALID,
    INVALID
}
