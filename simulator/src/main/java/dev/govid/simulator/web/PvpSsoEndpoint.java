package dev.govid.simulator.web;

import java.util.Optional;

import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.pvp.PvpLoginCompleter;
import dev.govid.simulator.pvp.PvpPersonaCatalog;
import dev.govid.simulator.pvp.PvpRequestProcessor;
import dev.govid.simulator.pvp.PvpTransaction;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.request.RequestRejectedException;

/** The PVP SSO endpoints (POST and Redirect binding): the PVP login page, or the same error pages as BundID. */
public final class PvpSsoEndpoint {
    private final PvpRequestProcessor processor;
    private final PvpLoginCompleter completer;
    private final PvpPersonaCatalog personas;
    private final String loginFormAction;

    public PvpSsoEndpoint(
            PvpRequestProcessor processor,
            PvpLoginCompleter completer,
            PvpPersonaCatalog personas,
            String loginFormAction) {
        this.processor = processor;
        this.completer = completer;
        this.personas = personas;
        this.loginFormAction = loginFormAction;
    }

    public WebReply post(WebRequest request) {
        try {
            byte[] xml = SsoEndpoint.postedRequestXml(request);
            return loginPage(processor.accept(xml, request.formParam("RelayState"), null));
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

    private WebReply loginPage(PvpTransaction tx) {
        Optional<IssuedResponse> immediate = completer.answerWithoutLogin(tx);
        if (immediate.isPresent()) {
            return AutoPostPage.render(
                    immediate.get(), "response-error " + immediate.get().statusCode());
        }
        return PvpLoginPage.render(tx, personas.all(), loginFormAction);
    }
}
