package dev.govid.keycloak.bundid;

/**
 * What to do with BundID's "temporary login", which proves a person's data for one session but carries no
 * bPK2 and no mailbox handle, so it cannot be linked to an account.
 */
public enum TemporaryLoginPolicy {
    /** Refuse with a message that asks for a login with a BundID account (the default). */
    REJECT,
    /** Accept as a one-off user keyed by the transient NameID, flagged as temporary in the session and tokens. */
    ACCEPT;

    /** Anything but {@code accept} refuses (an invalid value is also refused at save, see {@link BundIdConfig#problems()}). */
    public static TemporaryLoginPolicy fromConfig(String value) {
        return "accept".equalsIgnoreCase(value == null ? "" : value.trim()) ? ACCEPT : REJECT;
    }
}
