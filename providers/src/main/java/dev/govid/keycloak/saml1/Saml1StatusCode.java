package dev.govid.keycloak.saml1;

/**
 * The top-level {@code samlp:StatusCode} values of SAML 1.x. They are QNames in the {@code samlp} namespace,
 * written with the {@code samlp} prefix (legacy MOA-ID clients compare the literal {@code samlp:Success}).
 */
public enum Saml1StatusCode {
    SUCCESS("Success"),
    /** The request was wrong: malformed or unknown artifact, not allowed for this application. */
    REQUESTER("Requester"),
    /** We could not answer a correct request. */
    RESPONDER("Responder"),
    /** The request's SAML version is not one we speak. */
    VERSION_MISMATCH("VersionMismatch");

    private final String localName;

    Saml1StatusCode(String localName) {
        this.localName = localName;
    }

    public String localName() {
        return localName;
    }

    /** The attribute value, e.g. {@code samlp:Success}. */
    public String qualifiedValue() {
        return Saml1Xml.SAMLP_PREFIX + ":" + localName;
    }
}
