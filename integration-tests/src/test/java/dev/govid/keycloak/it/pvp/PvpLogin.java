package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.EidBrowserLogin;
import dev.govid.keycloak.it.SharedKeycloak;

/**
 * One ID Austria login as a browser does it: authorization request, GovID's "for myself / on behalf"
 * question (when the client offers representation), the AuthnRequest to the simulator's PVP endpoint,
 * the simulator's form, the Response back to Keycloak, and the code or the error page.
 */
final class PvpLogin extends EidBrowserLogin {

    private Page toIdp;
    private Page toKeycloak;

    private PvpLogin(Browser browser, OidcClient client, String redirectUri) {
        super(browser, client, redirectUri);
    }

    /** A login for a client of the demo realm. */
    static PvpLogin forClient(String clientId, String secret) {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        OidcClient client =
                new OidcClient(SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM), clientId, secret, redirectUri);
        return new PvpLogin(new Browser(), client, redirectUri);
    }

    static PvpLogin demoApp() {
        return forClient(SharedKeycloak.DEMO_CLIENT_ID, SharedKeycloak.demoClientSecret());
    }

    PvpLogin start(Map<String, String> extraParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kc_idp_hint", "idaustria");
        params.putAll(extraParams);
        authorize(params);
        assertThat(current.status()).as("%s", current).isEqualTo(200);
        return this;
    }

    PvpLogin start() {
        return start(Map.of());
    }

    /** Answers GovID's question; up to the page that posts the AuthnRequest. */
    PvpLogin actingFor(boolean onBehalf) {
        answerRepresentation(onBehalf);
        return this;
    }

    /** Keycloak's auto-post page towards the IdP. */
    String authnRequestXml() {
        toIdp = current;
        String encoded = toIdp.element("input[name=SAMLRequest]").attr("value");
        return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    PvpLogin atIdp() {
        toIdp = current;
        current = browser.followAutoPost(current);
        assertThat(current.status()).as("simulator page: %s", current).isEqualTo(200);
        return this;
    }

    PvpLogin loginAs(String persona, String loa, String fault) {
        toKeycloak = browser.submitForm(
                current,
                "form[action$=/pvp/login]",
                Map.of("persona", persona, "loa", loa, "fault", fault),
                "action=login");
        assertThat(toKeycloak.status())
                .as("simulator response page: %s", toKeycloak)
                .isEqualTo(200);
        return this;
    }

    /** As {@link #loginAs(String, String, String)}, answered in one of the simulator's ID Austria variants. */
    PvpLogin loginAs(String persona, String loa, String fault, String variant) {
        toKeycloak = browser.submitForm(
                current,
                "form[action$=/pvp/login]",
                Map.of("persona", persona, "loa", loa, "fault", fault, "variant", variant),
                "action=login");
        assertThat(toKeycloak.status())
                .as("simulator response page: %s", toKeycloak)
                .isEqualTo(200);
        return this;
    }

    PvpLogin loginAs(String persona) {
        return loginAs(persona, "high", "none");
    }

    PvpLogin cancel() {
        toKeycloak = browser.submitForm(current, "form[action$=/pvp/login]", Map.of("fault", "none"), "action=cancel");
        return this;
    }

    Map<String, String> responseForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLResponse", toKeycloak.element("input[name=SAMLResponse]").attr("value"));
        toKeycloak.document().select("input[name=RelayState]").forEach(e -> form.put("RelayState", e.attr("value")));
        return form;
    }

    String acsUrl() {
        return toKeycloak.element("form").absUrl("action");
    }

    PvpLogin backToKeycloak() {
        result = browser.followAutoPost(toKeycloak);
        return this;
    }
}
