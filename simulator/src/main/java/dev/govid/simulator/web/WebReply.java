package dev.govid.simulator.web;

import java.nio.charset.StandardCharsets;

/** What an endpoint answers; {@code outcome} is the short word that goes into the request log. */
public record WebReply(int status, String contentType, byte[] body, String outcome) {

    public static WebReply html(int status, String html, String outcome) {
        return new WebReply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), outcome);
    }

    public static WebReply text(int status, String text, String outcome) {
        return new WebReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), outcome);
    }

    public static WebReply xml(int status, String contentType, String xml, String outcome) {
        return new WebReply(status, contentType + "; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8), outcome);
    }
}
