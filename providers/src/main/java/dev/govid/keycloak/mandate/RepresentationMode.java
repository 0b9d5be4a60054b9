package dev.govid.keycloak.mandate;

/** Whether a client lets people act for someone else ({@code govid.representation}: off, optional, required). */
public enum RepresentationMode {
    /** Only for oneself; mandates are refused. */
    OFF,
    /** The person chooses "for myself" or "on behalf of someone". */
    OPTIONAL,
    /** Every login must act for someone else. */
    REQUIRED
}
