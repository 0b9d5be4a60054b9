package dev.govid.keycloak.it.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.keycloak.it.saml1.Saml1Calls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GovID settings kept where the admin console shows them: a <em>GovID settings</em> mapper in a client scope
 * shared by two applications (offered eIDs: ID Austria only), and one in a SAML1 application's dedicated scope.
 * None of these clients has a GovID client attribute. The rule holds for both applications, on a fresh login, over
 * SSO and with {@code prompt=none}, and for SAML1; a client's own mapper wins over the shared one; a form with a
 * wrong value cannot be saved. These are the calls the console makes.
 */
class ConsoleSettingsIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final String SCOPE = "govid-console-austria-only";
    private static final String OPEN = "console-open";
    private static final String FIRST = "console-austria-1";
    private static final String SECOND = "console-austria-2";
    private static final String SAML1 = "console-saml1-austria";

    private static KeycloakServer keycloak;
    private static String scopeId;
    private static String oaPrefix;

    @BeforeAll
    static void registerApplications() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        oaPrefix = SharedKeycloak.appUrl() + "/oa-console/";
        for (JsonNode scope : keycloak.admin().getJson("/" + REALM + "/client-scopes")) {
            if (SCOPE.equals(scope.path("name").asText())) {
                for (String clientId : new String[] {OPEN, FIRST, SECOND, SAML1}) {
                    deleteClient(clientId);
                }
                keycloak.admin()
                        .delete("/" + REALM + "/client-scopes/"
                                + scope.path("id").asText());
            }
        }
        String location = keycloak.admin()
                .postJson("/" + REALM + "/client-scopes", Json.parse("""
                {"name":"%s","protocol":"openid-connect","attributes":{"include.in.token.scope":"false"},
                 "protocolMappers":[{"name":"GovID settings","protocol":"openid-connect","protocolMapper":"govid-client-settings",
                   "config":{"govid.selection.eids":"idaustria","govid.representation":"off","govid.sso.confirmation":"false"}}]}
                """.formatted(SCOPE)))
                .orElseThrow();
        scopeId = location.substring(location.lastIndexOf('/') + 1);
        oidc(OPEN, false);
        oidc(FIRST, true);
        oidc(SECOND, true);
        deleteClient(SAML1);
        keycloak.admin().createClient(REALM, Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,"redirectUris":["%s*"],
                 "protocolMappers":[{"name":"GovID settings","protocol":"govid-moa-saml1","protocolMapper":"govid-client-settings-saml1",
                   "config":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF",
                             "govid.selection.eids":"idaustria","govid.representation":"off","govid.sso.confirmation":"false"}}]}
                """.formatted(SAML1, oaPrefix, oaPrefix + SAML1 + "/")));
    }

    private static void oidc(String clientId, boolean sharedScope) {
        deleteClient(clientId);
        keycloak.admin()
                .createClient(REALM, Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "attributes":{"govid.sso.confirmation":"false"},
                 "protocolMappers":[{"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims","config":{"id.token.claim":"true"}}]}
                """.formatted(clientId, SsoPerson.SECRET, SharedKeycloak.appUrl())));
        if (sharedScope) {
            keycloak.admin()
                    .putJson(
                            "/" + REALM + "/clients/" + id(clientId) + "/default-client-scopes/" + scopeId,
                            Json.object());
        }
    }

    private static void deleteClient(String clientId) {
        keycloak.admin().getJson("/" + REALM + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + REALM + "/clients/" + existing.path("id").asText()));
    }

    private static String id(String clientId) {
        return keycloak.admin()
                .getJson("/" + REALM + "/clients?clientId=" + clientId)
                .get(0)
                .path("id")
                .asText();
    }

    private static Page startWithHint(String clientId, String alias) {
        OidcClient client = SsoPerson.client(clientId);
        return new Browser()
                .get(client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", alias))
                        .url());
    }

    @Test
    void bothApplicationsOfTheSharedScopeRefuseAnEidTheyDoNotOffer() {
        for (String clientId : new String[] {FIRST, SECOND}) {
            Page page = startWithHint(clientId, "bundid");
            assertThat(page.status()).as(clientId).isEqualTo(403);
            assertThat(page.text()).contains("does not offer logging in with this eID");
        }
        assertThat(startWithHint(FIRST, "idaustria").document().select("form input[name=SAMLRequest]"))
                .isNotEmpty();
        assertThat(startWithHint(OPEN, "bundid").document().select("form input[name=SAMLRequest]"))
                .as("a client without the scope is not affected")
                .isNotEmpty();
    }

    @Test
    void aBundIdSessionOpensNeitherApplicationBySsoNorWithPromptNone() {
        SsoPerson person = new SsoPerson();
        person.loginWithBundId(OPEN, "erika", "eID", Map.of());
        assertThat(person.visit(FIRST).freshLoginPageText()).contains("with an eID this application does not accept");
        assertThat(person.visit(SECOND, Map.of("prompt", "none")).callbackParams())
                .containsEntry("error", "login_required")
                .doesNotContainKey("code");
    }

    @Test
    void aBundIdSessionGetsNoSaml1IdentityWhereTheDedicatedFormOffersOnlyIdAustria() {
        SsoPerson person = new SsoPerson();
        person.loginWithBundId(OPEN, "erika", "eID", Map.of());
        Saml1Calls saml1 = new Saml1Calls(keycloak.realmUrl(REALM));
        Page page = person.browser()
                .get(Urls.withQuery(
                        saml1.protocolUrl() + "/StartAuthentication",
                        Map.of("Target", "BF", "OA", oaPrefix + SAML1 + "/login")));
        assertThat(page.isRedirect()).as("%s", page).isFalse();
        assertThat(page.text()).contains("with an eID this application does not accept");
    }

    @Test
    void aClientsOwnFormWinsOverTheSharedOne() {
        String secondId = id(SECOND);
        String location = keycloak.admin()
                .postJson("/" + REALM + "/clients/" + secondId + "/protocol-mappers/models", Json.parse("""
                {"name":"GovID settings (own)","protocol":"openid-connect","protocolMapper":"govid-client-settings",
                 "config":{"govid.selection.eids":"bundid"}}"""))
                .orElseThrow();
        try {
            assertThat(startWithHint(SECOND, "bundid").document().select("form input[name=SAMLRequest]"))
                    .isNotEmpty();
            assertThat(startWithHint(SECOND, "idaustria").status()).isEqualTo(403);
            assertThat(startWithHint(FIRST, "bundid").status())
                    .as("the other application keeps the shared form")
                    .isEqualTo(403);
        } finally {
            keycloak.admin()
                    .delete("/" + REALM + "/clients/" + secondId + "/protocol-mappers/models/"
                            + location.substring(location.lastIndexOf('/') + 1));
        }
    }

    @Test
    void theStartupLogTellsTheAdminWhichClientsStillUseLegacyAttributes() throws Exception {
        String log = java.nio.file.Files.readString(keycloak.logFile());
        assertThat(log.lines()
                        .filter(line ->
                                line.contains("LegacyAttributesNotice") && line.contains("Realm '" + REALM + "'")))
                .as("one INFO line for the demo realm")
                .hasSize(1)
                .allMatch(
                        line -> line.contains("INFO") && line.contains("demo-app") && line.contains("GovID settings"));
    }

    @Test
    void aFormWithAWrongValueIsNotSaved() {
        ObjectNode typo = (ObjectNode) Json.parse("""
                {"name":"GovID settings (typo)","protocol":"openid-connect","protocolMapper":"govid-client-settings",
                 "config":{"govid.representation":"requried"}}""");
        assertThatThrownBy(() -> keycloak.admin()
                        .postJson("/" + REALM + "/client-scopes/" + scopeId + "/protocol-mappers/models", typo))
                .isInstanceOfSatisfying(AdminApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("govid.representation").doesNotContain("requried");
                });
        ObjectNode unknownEid = (ObjectNode) Json.parse("""
                {"name":"GovID settings (unknown eID)","protocol":"openid-connect","protocolMapper":"govid-client-settings",
                 "config":{"govid.selection.eids":"no-such-idp"}}""");
        assertThatThrownBy(() -> keycloak.admin()
                        .postJson("/" + REALM + "/client-scopes/" + scopeId + "/protocol-mappers/models", unknownEid))
                .isInstanceOfSatisfying(AdminApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("govid.selection.eids");
                });
        ObjectNode nearMiss = (ObjectNode) Json.parse("""
                {"name":"GovID settings (near miss)","protocol":"openid-connect","protocolMapper":"govid-client-settings",
                 "config":{"govid.represntation":"optional"}}""");
        assertThatThrownBy(() -> keycloak.admin()
                        .postJson("/" + REALM + "/client-scopes/" + scopeId + "/protocol-mappers/models", nearMiss))
                .isInstanceOfSatisfying(AdminApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("did you mean govid.representation");
                });
    }
}
