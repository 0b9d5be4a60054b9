package dev.govid.simulator.web;

/** One HTTP endpoint. */
@FunctionalInterface
public interface Endpoint {
    WebReply handle(WebRequest request) throws Exception;
}
