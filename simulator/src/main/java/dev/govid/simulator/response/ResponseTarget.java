package dev.govid.simulator.response;

import dev.govid.simulator.sp.SpMetadata;

/**
 * Where a response goes and what it answers, independent of the protocol mode that accepted the request.
 *
 * @param transactionId the login form's {@code tx}, the key of the response log
 * @param requestId     the AuthnRequest ID (InResponseTo)
 * @param forceAuthn    whether the request carried {@code ForceAuthn="true"}; recorded so tests can see it
 */
public record ResponseTarget(
        String transactionId, String requestId, SpMetadata sp, String acsUrl, String relayState, boolean forceAuthn) {}
