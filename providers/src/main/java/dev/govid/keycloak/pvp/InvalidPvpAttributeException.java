package dev.govid.keycloak.pvp;

/** A delivered PVP attribute that breaks the attribute profile; the login is refused, nothing is stored. */
class InvalidPvpAttributeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidPvpAttributeException(String message) {
        super(message);
    }
}
