package dev.govid.keycloak.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker/test's end-to-end check of the compose set-up: one BundID and one ID Austria login of a simulator
 * test person through the demo realm of the Keycloak container, as a browser does it (the simulator runs in
 * its own container), then the ID token's claims and, through the bootstrap admin, the brokered link.
 *
 * <p>Arguments: Keycloak URL, demo client secret, app URL (the demo client's redirect URIs; nothing needs to
 * listen there), admin password. Exit status 0 when every check passed, 1 otherwise.
 */
public final class ContainerLoginCheck {

    private static final String REALM = "govid-demo";
    private static final String CLIENT_ID = "demo-app";

    private final String keycloakUrl;
    private final String clientSecret;
    private final String redirectUri;
    private final AdminClient admin;
    private final List<String> failures = new ArrayList<>();

    private ContainerLoginCheck(String keycloakUrl, String clientSecret, String appUrl, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.clientSecret = clientSecret;
        this.redirectUri = appUrl + "/callback";
        AdminTokenSource tokens = new AdminTokenSource(keycloakUrl, "admin", adminPassword);
        this.admin = new AdminClient(keycloakUrl, tokens::token);
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ContainerLoginCheck KEYCLOAK_URL DEMO_CLIENT_SECRET APP_URL ADMIN_PASSWORD");
            System.exit(2);
        }
        ContainerLoginCheck check = new ContainerLoginCheck(args[0], args[1], args[2], args[3]);
        check.run("BundID", check::bundId);
        check.run("ID Austria", check::idAustria);
        if (!check.failures.isEmpty()) {
            check.failures.forEach(f -> System.out.println("FAILED: " + f));
            System.exit(1);
        }
        System.out.println("both logins passed");
    }

    private void run(String name, Runnable login) {
        try {
            login.run();
        } catch (RuntimeException e) {
            failures.add(name + " login: " + e);
        }
    }

    private OidcClient client() {
        return new OidcClient(keycloakUrl + "/realms/" + REALM, CLIENT_ID, clientSecret, redirectUri);
    }

    /** Erika Mustermann with her eID card, as in BundIdLoginIT. */
    private void bundId() {
        OidcClient client = client();
        Browser browser = new Browser()
                .stopBefore(uri ->
                        uri.toString().startsWith(redirectUri) || uri.getPath().endsWith("/SAML2/Redirect/SSO"));
        AuthorizationRequest authorization = client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", "bundid"));
        Page toIdp = browser.get(authorization.url());
        expect("Keycloak's page towards BundID", toIdp.status() == 200 || toIdp.isRedirect(), toIdp);
        Page idpPage = toIdp.isRedirect() ? browser.follow(toIdp) : browser.followAutoPost(toIdp);
        expect("simulator's BundID login page", idpPage.status() == 200, idpPage);
        Page toKeycloak = browser.submitForm(
                idpPage,
                "form[action$=/idp/login]",
                Map.of("persona", "erika", "method", "eID", "fault", "none"),
                "action=login");
        expect("simulator's response page", toKeycloak.status() == 200, toKeycloak);
        Page result = browser.followAutoPost(toKeycloak);
        JsonNode id = tokens(client, authorization, result).idTokenClaims();
        System.out.println("BundID ID token: " + id);
        claim(id, "acr", "http://eidas.europa.eu/LoA/high");
        claim(id, "given_name", "Erika");
        claim(id, "family_name", "Mustermann");
        claim(id, "birthdate", "1964-08-12");
        claim(id.path("address"), "locality", "Köln");
        claim(id.path("bundid"), "method", "eID");
        claim(id.path("bundid"), "level", "STORK-QAA-Level-4");
        String bpk2 = id.path("bundid").path("bpk2").asText();
        expect("bundid.bpk2 in the ID token", !bpk2.isBlank(), id);
        brokerLink(id, "bundid", bpk2);
    }

    /** Anna Huber for herself, as in PvpLoginIT. */
    private void idAustria() {
        OidcClient client = client();
        Browser browser = new Browser().stopBeforeUrlStartingWith(redirectUri);
        AuthorizationRequest authorization =
                client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", "idaustria"));
        Page question = browser.get(authorization.url());
        expect(
                "GovID's representation question",
                question.status() == 200
                        && !question.document()
                                .select("#govid-representation-form")
                                .isEmpty(),
                question);
        Page toIdp = browser.submitForm(question, "#govid-representation-form", Map.of("representation", "self"));
        Page idpPage = browser.followAutoPost(toIdp);
        expect("simulator's ID Austria login page", idpPage.status() == 200, idpPage);
        Page toKeycloak = browser.submitForm(
                idpPage,
                "form[action$=/pvp/login]",
                Map.of("persona", "anna", "loa", "high", "fault", "none"),
                "action=login");
        expect("simulator's response page", toKeycloak.status() == 200, toKeycloak);
        Page result = browser.followAutoPost(toKeycloak);
        JsonNode id = tokens(client, authorization, result).idTokenClaims();
        System.out.println("ID Austria ID token: " + id);
        claim(id, "acr", "http://eidas.europa.eu/LoA/high");
        claim(id, "given_name", "Anna");
        claim(id, "family_name", "Huber");
        claim(id, "birthdate", "1980-02-29");
        claim(id.path("pvp"), "bpk_sector", "BF");
        claim(id.path("pvp"), "pvp_version", "2.2");
        claim(id.path("pvp"), "level", "STORK-QAA-Level-4");
        String bpk = id.path("pvp").path("bpk").asText();
        expect("pvp.bpk starting with BF: in the ID token", bpk.startsWith("BF:"), id);
        brokerLink(id, "idaustria", bpk);
    }

    private TokenResponse tokens(OidcClient client, AuthorizationRequest authorization, Page result) {
        expect(
                "redirect to the client with a code",
                result.isRedirect() && result.location().toString().startsWith(redirectUri),
                result.status() + " " + result.text());
        String code = Urls.queryParams(result.location()).get("code");
        return client.exchangeCode(code, authorization.codeVerifier());
    }

    /** The user Keycloak created is linked to the IdP under the person's key (checked with the admin API). */
    private void brokerLink(JsonNode id, String idp, String userId) {
        JsonNode links = admin.getJson("/" + REALM + "/users/" + id.path("sub").asText() + "/federated-identity");
        expect(
                idp + " link of the brokered user",
                links.size() == 1
                        && idp.equals(links.get(0).path("identityProvider").asText())
                        && userId.equals(links.get(0).path("userId").asText()),
                links);
    }

    private static void claim(JsonNode claims, String name, String expected) {
        expect(
                "claim " + name + " = " + expected,
                expected.equals(claims.path(name).asText()),
                claims);
    }

    private static void expect(String what, boolean ok, Object actual) {
        if (!ok) {
            throw new IllegalStateException(what + " expected, got: " + actual);
        }
    }
}
