package dev.govid.keycloak.harness;

/** A non-2xx answer from Keycloak's admin REST API, with everything needed to see why in the test report. */
public final class AdminApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public AdminApiException(String method, String url, int status, String body) {
        super(method + " " + url + " -> HTTP " + status + ": " + Json.abbreviate(body));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
