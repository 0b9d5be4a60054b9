package dev.govid.simulator.web;

import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.login.LoginCompleter;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.response.SamlStatus;

/** POST /idp/login: the login form submit; answers with the auto-submitting SAML POST form. */
public final class LoginEndpoint {
    private final LoginCompleter completer;

    public LoginEndpoint(LoginCompleter completer) {
        this.completer = completer;
    }

    public WebReply handle(WebRequest request) {
        try {
            IssuedResponse response = completer.complete(
                    request.formParam("tx"),
                    request.formParam("action"),
                    request.formParam("persona"),
                    request.formParam("method"),
                    request.formParam("fault"));
            String outcome = SamlStatus.SUCCESS.equals(response.statusCode())
                    ? "response-success fault=" + response.fault().wireName()
                    : "response-error " + response.statusCode();
            return AutoPostPage.render(response, outcome);
        } catch (RequestRejectedException e) {
            return ErrorPage.render(400, e.code(), e.getMessage());
        }
    }
}
