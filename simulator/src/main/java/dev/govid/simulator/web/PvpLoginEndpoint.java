package dev.govid.simulator.web;

import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.pvp.PvpLoginCompleter;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.response.SamlStatus;

/** POST /pvp/login: the PVP login form submit; answers with the auto-submitting SAML POST form. */
public final class PvpLoginEndpoint {
    private final PvpLoginCompleter completer;

    public PvpLoginEndpoint(PvpLoginCompleter completer) {
        this.completer = completer;
    }

    public WebReply handle(WebRequest request) {
        try {
            IssuedResponse response = completer.complete(
                    request.formParam("tx"),
                    request.formParam("action"),
                    request.formParam("persona"),
                    request.formParam("loa"),
                    request.formParam("fault"),
                    request.formParam("variant"));
            String outcome = SamlStatus.SUCCESS.equals(response.statusCode())
                    ? "pvp-response-success fault=" + response.fault().wireName() + " variant="
                            + (request.formParam("variant") == null ? "none" : request.formParam("variant"))
                    : "pvp-response-error " + response.statusCode();
            return AutoPostPage.render(response, outcome);
        } catch (RequestRejectedException e) {
            return ErrorPage.render(400, e.code(), e.getMessage());
        }
    }
}
