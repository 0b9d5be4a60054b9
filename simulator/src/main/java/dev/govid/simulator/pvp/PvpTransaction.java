package dev.govid.simulator.pvp;

import java.time.Instant;

import dev.govid.simulator.login.PendingLogin;
import dev.govid.simulator.response.ResponseTarget;
import dev.govid.simulator.sp.SpMetadata;

/** An accepted PVP AuthnRequest waiting for the user to finish the PVP login page. */
public record PvpTransaction(
        String id, PvpRequest request, SpMetadata sp, String acsUrl, String relayState, Sector sector, Instant created)
        implements PendingLogin {

    public ResponseTarget target() {
        return new ResponseTarget(id, request.id(), sp, acsUrl, relayState, request.forceAuthn());
    }
}
