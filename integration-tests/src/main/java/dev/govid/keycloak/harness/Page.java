package dev.govid.keycloak.harness;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One HTTP response as the {@link Browser} saw it; HTML is parsed lazily with the request URL as base URI. */
public final class Page {
    private final String method;
    private final URI url;
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private Document document;

    Page(String method, URI url, int status, HttpHeaders headers, String body) {
        this.method = method;
        this.url = url;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The URL this response came from (for a redirect: where it pointed is {@link #location()}). */
    public URI url() {
        return url;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String body() {
        return body;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && headers.firstValue("Location").isPresent();
    }

    /** The absolute redirect target; fails if this page is not a redirect. */
    public URI location() {
        String location = headers.firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("not a redirect: HTTP " + status + " " + url));
        return url.resolve(location);
    }

    public Map<String, String> queryParams() {
        return Urls.queryParams(url);
    }

    public synchronized Document document() {
        if (document == null) {
            document = Jsoup.parse(body, url.toString());
        }
        return document;
    }

    public String title() {
        return document().title();
    }

    public String text() {
        return document().text();
    }

    /** The first element matching the CSS selector, or an exception quoting the page (helps when a test fails). */
    public Element element(String cssSelector) {
        Element element = document().selectFirst(cssSelector);
        if (element == null) {
            throw new IllegalStateException("no element '" + cssSelector + "' on " + this);
        }
        return element;
    }

    @Override
    public String toString() {
        return method + " " + url + " -> HTTP " + status + "\n" + Json.abbreviate(body);
    }
}
