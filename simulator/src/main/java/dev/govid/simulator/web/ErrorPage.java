package dev.govid.simulator.web;

/** BundID-style error page; tests read the code from the element with id "error-code". */
public final class ErrorPage {
    private ErrorPage() {}

    public static WebReply render(int status, String code, String message) {
        String body = "<h1>Fehler bei der Anmeldung</h1>\n"
                + "<p>Fehlercode: <code id=\"error-code\">" + Html.escape(code) + "</code></p>\n"
                + "<p id=\"error-message\">" + Html.escape(message) + "</p>\n";
        return WebReply.html(status, Html.page("de", "Fehler: " + code, body), code);
    }
}
