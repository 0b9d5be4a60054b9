package dev.govid.keycloak.mandate;

/** Whether the represented party is a natural person or a legal person (company, association, authority). */
public enum MandatorKind {
    NATURAL,
    LEGAL
}
