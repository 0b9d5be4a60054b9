package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;

/**
 * One person's BundID login as a browser does it: the client's authorization request, Keycloak's
 * auto-posted AuthnRequest to the IdP, the IdP's login form, its auto-posted Response back to Keycloak,
 * and either the redirect with a code or an error page. Each hop is kept for assertions.
 */
final class BundIdLogin {

    private final Browser browser;
    private final OidcClient client;
    private final String redirectUri;
    private AuthorizationRequest authorization;
    private Page toIdp;
    private Page idpPage;
    private Page toKeycloak;
    private Page result;

    BundIdLogin(Browser browser, OidcClient client, String redirectUri) {
        this.browser = browser;
        this.client = client;
        this.redirectUri = redirectUri;
        // Stop at the client (nobody listens there) and before a Redirect-binding hop to the IdP, so the
        // AuthnRequest in its query string can be read.
        browser.stopBefore(
                uri -> uri.toString().startsWith(redirectUri) || uri.getPath().endsWith("/SAML2/Redirect/SSO"));
    }

    /** Up to the page that auto-posts the AuthnRequest to the IdP. */
    BundIdLogin start(Map<String, String> extraParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kc_idp_hint", "bundid");
        params.putAll(extraParams);
        authorization = client.newAuthorizationRequest("openid", params);
        toIdp = browser.get(authorization.url());
        assertThat(toIdp.status())
                .as("Keycloak's page towards the IdP: %s", toIdp)
                .isIn(200, 302, 303);
        return this;
    }

    BundIdLogin start() {
        return start(Map.of());
    }

    /** The AuthnRequest as Keycloak sent it: base64 of the XML (POST) or deflated and base64 (Redirect). */
    String authnRequestXml() {
        if (toIdp.isRedirect()) {
            byte[] deflated = Base64.getDecoder()
                    .decode(dev.govid.keycloak.harness.Urls.queryParams(toIdp.location())
                            .get("SAMLRequest"));
            return inflate(deflated);
        }
        String encoded = toIdp.element("input[name=SAMLRequest]").attr("value");
        return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static String inflate(byte[] deflated) {
        try (java.util.zip.InflaterInputStream in = new java.util.zip.InflaterInputStream(
                new java.io.ByteArrayInputStream(deflated), new java.util.zip.Inflater(true))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Page toIdp() {
        return toIdp;
    }

    /** Posts the AuthnRequest (or follows the Redirect-binding redirect) to the IdP's login page. */
    BundIdLogin atIdp() {
        idpPage = toIdp.isRedirect() ? browser.follow(toIdp) : browser.followAutoPost(toIdp);
        return this;
    }

    Page idpPage() {
        return idpPage;
    }

    BundIdLogin loginAs(String persona, String fault) {
        return submitIdpForm(persona, null, fault, "login");
    }

    BundIdLogin loginAs(String persona, String method, String fault) {
        return submitIdpForm(persona, method, fault, "login");
    }

    BundIdLogin cancel() {
        return submitIdpForm(null, null, "none", "cancel");
    }

    private BundIdLogin submitIdpForm(String persona, String method, String fault, String action) {
        assertThat(idpPage.status()).as("simulator login page: %s", idpPage).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        if (persona != null) {
            fields.put("persona", persona);
        }
        if (method != null) {
            fields.put("method", method);
        }
        fields.put("fault", fault);
        toKeycloak = browser.submitForm(idpPage, "form[action$=/idp/login]", fields, "action=" + action);
        assertThat(toKeycloak.status())
                .as("simulator response page: %s", toKeycloak)
                .isEqualTo(200);
        return this;
    }

    /** The SAMLResponse the IdP posts (base64), e.g. to replay it. */
    String samlResponse() {
        return toKeycloak.element("input[name=SAMLResponse]").attr("value");
    }

    Map<String, String> responseForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLResponse", samlResponse());
        toKeycloak.document().select("input[name=RelayState]").forEach(e -> form.put("RelayState", e.attr("value")));
        return form;
    }

    String acsUrl() {
        return toKeycloak.element("form").absUrl("action");
    }

    BundIdLogin backToKeycloak() {
        result = browser.followAutoPost(toKeycloak);
        return this;
    }

    Page result() {
        return result;
    }

    Browser browser() {
        return browser;
    }

    boolean reachedClient() {
        return result.isRedirect() && result.location().toString().startsWith(redirectUri);
    }

    TokenResponse tokens() {
        assertThat(reachedClient())
                .as("login should end at the client with a code, but ended at: %s", result)
                .isTrue();
        String code =
                dev.govid.keycloak.harness.Urls.queryParams(result.location()).get("code");
        assertThat(code).isNotBlank();
        return client.exchangeCode(code, authorization.codeVerifier());
    }

    /** The visible text of the error page Keycloak ended on. */
    String errorPageText() {
        assertThat(reachedClient()).as("login must not reach the client").isFalse();
        return result.text();
    }
}
