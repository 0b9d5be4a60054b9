package dev.govid.keycloak.mandate;

/** Whether a client lets people act for someone else. */
public enum RepresentationMode {
    /** Only for oneself; mandates are refused. */
    OFF,
    /** The person chooses "for myself" or "on behalf of someone". */
    OPTIONAL,
    /** Every login must act for someone else. */
    REQUIRED;

    static RepresentationMode fromConfig(String value) {
        if (value == null) {
            return OFF;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "optional" -> OPTIONAL;
            case "required" -> REQUIRED;
            default -> OFF;
        };
    }
}
