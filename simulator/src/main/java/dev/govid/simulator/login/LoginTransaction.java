package dev.govid.simulator.login;

import java.time.Instant;
import java.util.List;

import dev.govid.simulator.request.AuthMethod;
import dev.govid.simulator.request.AuthnRequestData;
import dev.govid.simulator.response.ResponseTarget;
import dev.govid.simulator.sp.SpMetadata;

/** An accepted AuthnRequest waiting for the user to finish the login page. */
public record LoginTransaction(
        String id,
        AuthnRequestData request,
        SpMetadata sp,
        String acsUrl,
        String relayState,
        boolean lenient,
        List<AuthMethod> offeredMethods,
        Instant created)
        implements PendingLogin {

    public LoginTransaction {
        offeredMethods = List.copyOf(offeredMethods);
    }

    /** Where and in answer to what the response goes. */
    public ResponseTarget target() {
        return new ResponseTarget(id, request.id(), sp, acsUrl, relayState, false);
    }
}
