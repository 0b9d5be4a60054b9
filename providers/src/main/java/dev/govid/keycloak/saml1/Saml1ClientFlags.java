package dev.govid.keycloak.saml1;

/**
 * The per-application SAML1 options of MOA-ID (handbook §3.2.3.1): which optional data may leave, the SAML
 * minor version the application validates against, and whether we sign the assertion.
 *
 * @param transmitBaseId            send the Stammzahl; ignored for private-sector applications
 * @param transmitAuthBlock         send the AuthBlock in {@code saml:SubjectConfirmationData}
 * @param transmitIdentityLink      send the identity link; ignored for private-sector applications
 * @param transmitSignerCertificate send the certificate used for the login
 * @param transmitFullMandate       send the delivered mandate document instead of the base data we build
 * @param minorVersion              0 (SAML 1.0, MOA-ID's default) or 1 (SAML 1.1)
 * @param signAssertion             sign the {@code saml:Assertion}
 */
public record Saml1ClientFlags(
        boolean transmitBaseId,
        boolean transmitAuthBlock,
        boolean transmitIdentityLink,
        boolean transmitSignerCertificate,
        boolean transmitFullMandate,
        int minorVersion,
        boolean signAssertion) {

    public Saml1ClientFlags {
        if (minorVersion != 0 && minorVersion != 1) {
            throw new IllegalArgumentException("SAML1 minor version must be 0 or 1, was " + minorVersion);
        }
    }

    /** With signing on, the default. */
    public Saml1ClientFlags(
            boolean transmitBaseId,
            boolean transmitAuthBlock,
            boolean transmitIdentityLink,
            boolean transmitSignerCertificate,
            boolean transmitFullMandate,
            int minorVersion) {
        this(
                transmitBaseId,
                transmitAuthBlock,
                transmitIdentityLink,
                transmitSignerCertificate,
                transmitFullMandate,
                minorVersion,
                true);
    }

    /** Nothing optional transmitted, SAML 1.0, signed: what a new application starts with. */
    public static Saml1ClientFlags defaults() {
        return new Saml1ClientFlags(false, false, false, false, false, 0, true);
    }
}
