package dev.govid.simulator;

import java.time.Instant;

/**
 * A SAML Response the simulator sent, kept for tests.
 *
 * @param transactionId  the {@code tx} of the login form that produced it
 * @param responseXml    the XML exactly as base64-encoded into {@code SAMLResponse}
 * @param assertionXml   the assertion before encryption (signed if it was signed), null for error responses
 * @param statusCode     the top-level StatusCode value
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
        Instant issuedAt) {
}
