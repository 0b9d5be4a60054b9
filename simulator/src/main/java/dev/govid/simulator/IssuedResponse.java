package dev.govid.simulator;

import java.time.Instant;

/**
 * A SAML Response the simulator sent (BundID or PVP mode), kept for tests.
 *
 * @param transactionId  the {@code tx} of the login form that produced it
 * @param responseXml    the XML exactly as base64-encoded into {@code SAMLResponse}
 * @param assertionXml   the assertion before encryption (signed if it was signed), null for error responses
 * @param statusCode     the top-level StatusCode value
 * @param forceAuthn     the AuthnRequest carried {@code ForceAuthn="true"} (always false in BundID mode)
 */
public record IssuedResponse(
        String transactionId,
        String spEntityId,
        String acsUrl,
        String relayState,
        String responseXml,
        String assertionXml,
        Fault fault,
        String statusCode,
        Instant issuedAt,
        boolean forceAuthn) {

    /** The shape this record had before the PVP mode existed; forceAuthn is then false. */
    public IssuedResponse(
            String transactionId,
            String spEntityId,
            String acsUrl,
            String relayState,
            String responseXml,
            String assertionXml,
            Fault fault,
            String statusCode,
            Instant issuedAt) {
        this(
                transactionId,
                spEntityId,
                acsUrl,
                relayState,
                responseXml,
                assertionXml,
                fault,
                statusCode,
                issuedAt,
                false);
    }
}
