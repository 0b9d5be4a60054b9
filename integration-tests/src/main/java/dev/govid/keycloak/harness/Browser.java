package dev.govid.keycloak.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A scripted browser for one simulated user: cookies (Secure flag ignored, see {@link CookieJar}), manual
 * redirects so every hop is recorded in {@link #history()}, and HTML form submission. No JavaScript:
 * pages that auto-submit a form (SAML POST binding) are continued with {@link #followAutoPost(Page)}.
 * Not thread-safe; use one instance per user.
 */
public final class Browser {
    private static final int MAX_REDIRECTS = 25;

    private final HttpClient http;
    private final CookieJar cookies = new CookieJar();
    private final List<Page> history = new ArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final Duration timeout;
    private String acceptLanguage = "en";
    private Predicate<URI> stopBefore = uri -> false;
    /** Kept for 307/308 redirects, which must repeat the body. */
    private String lastRequestBody;

    public Browser() {
        this(Duration.ofSeconds(30));
    }

    public Browser(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Keycloak and the simulator pick the page language from this header. */
    public Browser acceptLanguage(String languageTag) {
        this.acceptLanguage = languageTag;
        return this;
    }

    /**
     * Redirects to matching URLs are not followed; the redirect response itself is returned. Typical use: stop at
     * the OIDC redirect_uri (no app listens there in tests) and read {@code code} from {@code page.location()}.
     */
    public Browser stopBefore(Predicate<URI> condition) {
        this.stopBefore = condition;
        return this;
    }

    public Browser stopBeforeUrlStartingWith(String prefix) {
        return stopBefore(uri -> uri.toString().startsWith(prefix));
    }

    /** GET, following redirects (except those matched by {@link #stopBefore}). */
    public Page get(String url) {
        return followRedirects(send("GET", URI.create(url), null));
    }

    /** GET without following a redirect. */
    public Page getOnce(String url) {
        return send("GET", URI.create(url), null);
    }

    /** Continue a redirect that {@link #stopBefore} held back or that came from {@link #getOnce}. */
    public Page follow(Page redirect) {
        return followRedirects(send("GET", redirect.location(), null));
    }

    public Page post(String url, Map<String, String> formFields) {
        return followRedirects(send("POST", URI.create(url), Urls.formEncode(formFields)));
    }

    public Page submitForm(Page page, String formSelector, Map<String, String> overrides) {
        return submitForm(page, formSelector, overrides, null);
    }

    /**
     * Fills and submits the form like a user would.
     *
     * @param submitButton name of the button to click ({@code "login"}, {@code "cancel"}), or {@code name=value},
     *                     or null for none
     */
    public Page submitForm(Page page, String formSelector, Map<String, String> overrides, String submitButton) {
        return submit(page, new HtmlForm(page.element(formSelector)), overrides, submitButton);
    }

    /** Submits the page's only form as its onload script would (SAML HTTP-POST binding, Keycloak's auto-submit pages). */
    public Page followAutoPost(Page page) {
        Elements forms = page.document().select("form");
        if (forms.size() != 1) {
            throw new IllegalStateException(
                    "expected exactly one auto-submitting form, found " + forms.size() + " on " + page);
        }
        Element form = forms.first();
        return submit(page, new HtmlForm(form), Map.of(), null);
    }

    public CookieJar cookies() {
        return cookies;
    }

    /** Every response received, redirects included, oldest first. */
    public List<Page> history() {
        return List.copyOf(history);
    }

    public int requestCount() {
        return requestCount.get();
    }

    /** Long-running load tests call this so a user's page history does not pile up. */
    public void clearHistory() {
        history.clear();
    }

    private Page submit(Page page, HtmlForm form, Map<String, String> overrides, String submitButton) {
        String body = Urls.formEncode(form.fields(overrides, submitButton));
        String action = form.action(page.url().toString());
        if (form.method().equals("GET")) {
            URI target = URI.create(action.replaceFirst("\\?.*$", "") + (body.isEmpty() ? "" : "?" + body));
            return followRedirects(send("GET", target, null));
        }
        return followRedirects(send("POST", URI.create(action), body));
    }

    private Page followRedirects(Page page) {
        Page current = page;
        for (int hops = 0; current.isRedirect(); hops++) {
            if (hops == MAX_REDIRECTS) {
                throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects, last: " + current.url());
            }
            URI next = current.location();
            if (stopBefore.test(next)) {
                return current;
            }
            // 307/308 repeat the request as is; 301/302/303 become GET, as browsers do.
            boolean repeat = current.status() == 307 || current.status() == 308;
            current = repeat ? send(current.method(), next, lastRequestBody) : send("GET", next, null);
        }
        return current;
    }

    private Page send(String method, URI uri, String formBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "GovID-Harness-Browser/1.0")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", acceptLanguage);
        cookies.headerFor(uri).ifPresent(cookie -> request.header("Cookie", cookie));
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        lastRequestBody = formBody;
        requestCount.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            cookies.store(uri, response.headers().allValues("Set-Cookie"));
            Page page = new Page(method, uri, response.statusCode(), response.headers(), response.body());
            history.add(page);
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
