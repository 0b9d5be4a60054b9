package dev.govid.simulator.web;

import java.util.Optional;

import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.login.ResponseLog;

/**
 * GET /idp/debug/last-response[?tx=…][&amp;part=assertion]: the XML of a response the simulator sent, for tests.
 * {@code part=assertion} gives the assertion as it was before encryption.
 */
public final class DebugEndpoint {
    private final ResponseLog responseLog;

    public DebugEndpoint(ResponseLog responseLog) {
        this.responseLog = responseLog;
    }

    public WebReply handle(WebRequest request) {
        String tx = request.queryParam("tx");
        Optional<IssuedResponse> response = tx == null ? responseLog.last() : responseLog.forTransaction(tx);
        if (response.isEmpty()) {
            return WebReply.text(404, "no response recorded", "no-response");
        }
        if ("assertion".equals(request.queryParam("part"))) {
            String assertion = response.get().assertionXml();
            return assertion == null
                    ? WebReply.text(404, "response has no assertion", "no-assertion")
                    : WebReply.xml(200, "application/xml", assertion, "assertion-xml");
        }
        return WebReply.xml(200, "application/xml", response.get().responseXml(), "response-xml");
    }
}
