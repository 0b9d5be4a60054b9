package dev.govid.simulator.request;

/** An AuthnRequest the IdP refuses; {@code code} is the BundID error code shown on the error page. */
public final class RequestRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public RequestRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
