package dev.govid.simulator.web;

import java.util.Base64;

import dev.govid.simulator.login.AuthnRequestProcessor;
import dev.govid.simulator.login.LoginCompleter;
import dev.govid.simulator.login.LoginTransaction;
import dev.govid.simulator.persona.PersonaCatalog;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.request.RequestRejectedException;

/** The two SSO endpoints: both answer with the login page (or a BundID error page). */
public final class SsoEndpoint {
    private final AuthnRequestProcessor processor;
    private final LoginCompleter completer;
    private final PersonaCatalog personas;
    private final String loginFormAction;

    public SsoEndpoint(
            AuthnRequestProcessor processor,
            LoginCompleter completer,
            PersonaCatalog personas,
            String loginFormAction) {
        this.processor = processor;
        this.completer = completer;
        this.personas = personas;
        this.loginFormAction = loginFormAction;
    }

    public WebReply post(WebRequest request) {
        try {
            return loginPage(processor.accept(postedRequestXml(request), request.formParam("RelayState"), null));
        } catch (RequestRejectedException e) {
            return ErrorPage.render(400, e.code(), e.getMessage());
        }
    }

    public WebReply redirect(WebRequest request) {
        try {
            RedirectBindingMessage message = RedirectBindingMessage.parse(request.rawQuery());
            return loginPage(processor.accept(message.samlRequestXml(), message.relayState(), message));
        } catch (RequestRejectedException e) {
            return ErrorPage.render(400, e.code(), e.getMessage());
        }
    }

    /** The base64-decoded {@code SAMLRequest} form field of the POST binding. */
    static byte[] postedRequestXml(WebRequest request) {
        String samlRequest = request.formParam("SAMLRequest");
        if (samlRequest == null || samlRequest.isBlank()) {
            throw new RequestRejectedException("invalid-request", "SAMLRequest parameter missing");
        }
        try {
            return Base64.getMimeDecoder().decode(samlRequest);
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException("invalid-request", "SAMLRequest is not base64");
        }
    }

    private WebReply loginPage(LoginTransaction tx) {
        if (tx.request().isPassive()) {
            return AutoPostPage.render(completer.noPassive(tx), "no-passive");
        }
        return LoginPage.render(tx, personas.all(), loginFormAction);
    }
}
