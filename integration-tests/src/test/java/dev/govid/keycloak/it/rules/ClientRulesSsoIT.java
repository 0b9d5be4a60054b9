package dev.govid.keycloak.it.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.TokenResponse;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.keycloak.it.saml1.Saml1Calls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-application rules hold when an application is reached by single sign-on: a login at a permissive
 * application, then the same browser at a restrictive one. Each case ends in a fresh login that says why, or in a
 * refusal — never in a token or an assertion with data the rule forbids; {@code prompt=none} never gets a token.
 */
class ClientRulesSsoIT {

    private static final String OPEN = "rules-sso-open";
    private static final String OPEN_TOO = "rules-sso-open-too";
    private static final String CONFIRMING = "rules-sso-confirming";
    private static final String OFF = "rules-sso-off";
    private static final String LEGAL_ONLY = "rules-sso-legal-only";
    private static final String REQUIRED = "rules-sso-required";
    private static final String PRIVATE = "rules-sso-private";
    private static final String SHORT_VALIDITY = "rules-sso-short-validity";
    private static final String AUSTRIA_ONLY = "rules-sso-idaustria-only";
    private static final String STOCK_FLOW_OFF = "rules-sso-stock-flow-off";
    private static final String SAML1_OFF = "rules-sso-saml1-off";
    private static final String SAML1_OPTIONAL = "rules-sso-saml1-optional";
    private static final String SAML1_STOCK_FLOW_OFF = "rules-sso-saml1-stock-flow";

    private static KeycloakServer keycloak;
    private static String oaPrefix;
    private static Saml1Calls saml1;

    @BeforeAll
    static void registerApplications() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        oaPrefix = SharedKeycloak.appUrl() + "/oa-rules/";
        saml1 = new Saml1Calls(keycloak.realmUrl(SharedKeycloak.DEMO_REALM));
        String stockBrowserFlow = stockBrowserFlowId();
        oidc(OPEN, Map.of("govid.representation", "optional", "govid.mandate.profiles", "*"), null);
        oidc(OPEN_TOO, Map.of("govid.representation", "optional", "govid.mandate.profiles", "*"), null);
        oidc(OFF, Map.of("govid.representation", "off"), null);
        oidc(
                CONFIRMING,
                Map.of(
                        "govid.representation",
                        "optional",
                        "govid.mandate.profiles",
                        "*",
                        "govid.sso.confirmation",
                        "true"),
                null);
        oidc(
                LEGAL_ONLY,
                Map.of(
                        "govid.representation",
                        "optional",
                        "govid.mandate.profiles",
                        "*",
                        "govid.mandate.mandators",
                        "legal"),
                null);
        oidc(REQUIRED, Map.of("govid.representation", "required", "govid.mandate.profiles", "*"), null);
        oidc(
                PRIVATE,
                Map.of(
                        "govid.representation",
                        "optional",
                        "govid.mandate.profiles",
                        "*",
                        "govid.privateSector",
                        "true"),
                null);
        oidc(
                SHORT_VALIDITY,
                Map.of(
                        "govid.representation",
                        "optional",
                        "govid.mandate.profiles",
                        "*",
                        "govid.mandate.maxValidityDays",
                        "365"),
                null);
        oidc(AUSTRIA_ONLY, Map.of("govid.selection.eids", "idaustria", "govid.representation", "off"), null);
        oidc(STOCK_FLOW_OFF, Map.of("govid.representation", "off"), stockBrowserFlow);
        saml1Client(SAML1_OFF, "off", null);
        saml1Client(SAML1_OPTIONAL, "optional", null);
        saml1Client(SAML1_STOCK_FLOW_OFF, "off", stockBrowserFlow);
    }

    private static String stockBrowserFlowId() {
        for (JsonNode flow : keycloak.admin().getJson("/" + SharedKeycloak.DEMO_REALM + "/authentication/flows")) {
            if ("browser".equals(flow.path("alias").asText())) {
                return flow.path("id").asText();
            }
        }
        throw new IllegalStateException("the realm has no built-in browser flow");
    }

    private static void oidc(String clientId, Map<String, String> attributes, String browserFlowOverride) {
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s/*"],
                 "protocolMappers":[
                   {"name":"pvp","protocol":"openid-connect","protocolMapper":"govid-pvp-claims","config":{"id.token.claim":"true"}},
                   {"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims","config":{"id.token.claim":"true"}},
                   {"name":"represents","protocol":"openid-connect","protocolMapper":"govid-represents","config":{"id.token.claim":"true"}}]}
                """.formatted(clientId, SsoPerson.SECRET, SharedKeycloak.appUrl()));
        create(client, attributes, browserFlowOverride);
    }

    private static void saml1Client(String clientId, String representation, String browserFlowOverride) {
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,"redirectUris":["%s*"]}
                """.formatted(clientId, oaPrefix));
        create(
                client,
                Map.of(
                        "moa.saml1.enabled",
                        "true",
                        "moa.oaUrlPrefixes",
                        oaPrefix + clientId + "/",
                        "moa.target",
                        "BF",
                        "govid.representation",
                        representation,
                        "govid.mandate.profiles",
                        "*"),
                browserFlowOverride);
    }

    private static void create(ObjectNode client, Map<String, String> attributes, String browserFlowOverride) {
        String realm = SharedKeycloak.DEMO_REALM;
        String clientId = client.path("clientId").asText();
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        ObjectNode attrs = Json.object().put("govid.sso.confirmation", "false"); // the attributes below may turn it on
        attributes.forEach(attrs::put);
        client.set("attributes", attrs);
        if (browserFlowOverride != null) {
            client.set("authenticationFlowBindingOverrides", Json.object().put("browser", browserFlowOverride));
        }
        keycloak.admin().createClient(realm, client);
    }

    private static SsoPerson annaForKarl() {
        SsoPerson person = new SsoPerson();
        JsonNode first = person.loginWithIdAustria(OPEN, true, "anna-for-karl").idTokenClaims();
        assertThat(first.path("represents").path("name").asText())
                .as("the permissive application gets the mandate")
                .isEqualTo("Karl Huber");
        return person;
    }

    private static SsoPerson annaForHerself() {
        SsoPerson person = new SsoPerson();
        JsonNode first = person.loginWithIdAustria(OPEN, false, "anna").idTokenClaims();
        assertThat(first.has("represents")).isFalse();
        return person;
    }

    private static SsoPerson erikaWithBundId() {
        SsoPerson person = new SsoPerson();
        JsonNode first = person.loginWithBundId(OPEN, "erika", "eID", Map.of()).idTokenClaims();
        assertThat(first.path("bundid").path("bpk2").asText()).isNotBlank();
        return person;
    }

    // ---- representation: OIDC over SSO

    @Test
    void aMandateDoesNotFollowThePersonToAnApplicationWithoutRepresentation() {
        String text = annaForKarl().visit(OFF).freshLoginPageText();
        assertThat(text).contains("can only be used for yourself");
    }

    @Test
    void aSecondPermissiveApplicationGetsTheMandateBySso() {
        JsonNode id = annaForKarl().visit(OPEN_TOO).tokens().idTokenClaims();
        assertThat(id.path("represents").path("name").asText()).isEqualTo("Karl Huber");
        assertThat(id.path("pvp").path("bpk").asText()).isNotBlank();
    }

    @Test
    void theSsoConfirmationSaysWhoIsSignedInAndForWhomFromTheLoginModel() {
        Page page = annaForKarl().visit(CONFIRMING).page();
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.element("#govid-sso-user").text()).isEqualTo("Anna Huber");
        assertThat(page.element("#govid-sso-representing").text()).contains("Karl Huber");
    }

    @Test
    void aNaturalPersonMandateIsNotReusedWhereOnlyCompaniesMayBeRepresented() {
        assertThat(annaForKarl().visit(LEGAL_ONLY).freshLoginPageText()).contains("does not accept the mandate");
    }

    @Test
    void aMandateValidLongerThanTheApplicationAcceptsIsNotReused() {
        assertThat(annaForKarl().visit(SHORT_VALIDITY).freshLoginPageText()).contains("does not accept the mandate");
    }

    @Test
    void aMandateIsNotReusedByAPrivateSectorApplication() {
        assertThat(annaForKarl().visit(PRIVATE).freshLoginPageText()).contains("can only be used for yourself");
    }

    @Test
    void aPersonalSessionIsNotEnoughWhereRepresentationIsRequired() {
        String text = annaForHerself().visit(REQUIRED).freshLoginPageText();
        assertThat(text).contains("can only be used on behalf of someone else");
    }

    @Test
    void promptNoneGetsLoginRequiredInsteadOfTheMandate() {
        Map<String, String> callback =
                annaForKarl().visit(OFF, Map.of("prompt", "none")).callbackParams();
        assertThat(callback).containsEntry("error", "login_required").doesNotContainKey("code");
    }

    @Test
    void promptNoneGetsLoginRequiredWhereRepresentationIsRequired() {
        assertThat(annaForHerself().visit(REQUIRED, Map.of("prompt", "none")).callbackParams())
                .containsEntry("error", "login_required")
                .doesNotContainKey("code");
    }

    @Test
    void theFreshLoginForYourselfGivesATokenWithoutMandateAndTheOldClientLosesTheMandateOnRefresh() throws Exception {
        SsoPerson person = new SsoPerson();
        TokenResponse first = person.loginWithIdAustria(OPEN, true, "anna-for-karl");
        assertThat(first.idTokenClaims().path("represents").path("name").asText())
                .isEqualTo("Karl Huber");

        SsoPerson.Attempt atOff = person.visit(OFF, Map.of("kc_idp_hint", "idaustria"));
        assertThat(atOff.reachedClient()).isFalse();
        Page done = person.finishIdAustria(atOff.page(), false, "anna");
        JsonNode offToken = new SsoPerson.Attempt(atOff.client, atOff.request, done)
                .tokens()
                .idTokenClaims();
        assertThat(offToken.has("represents")).isFalse();
        assertThat(offToken.has("mandate")).isFalse();
        assertThat(offToken.path("pvp").path("bpk").asText()).isNotBlank();

        JsonNode refreshed = SsoPerson.refresh(OPEN, first.refreshToken());
        assertThat(refreshed.has("represents"))
                .as("the session now proves a personal login; the earlier client may not keep the mandate")
                .isFalse();
        assertThat(refreshed.has("pvp"))
                .as("and gets no eID data it was not passed for")
                .isFalse();
    }

    // ---- offered eIDs and levels over SSO

    @Test
    void aBundIdSessionDoesNotOpenAnIdAustriaOnlyApplication() {
        String text = erikaWithBundId().visit(AUSTRIA_ONLY).freshLoginPageText();
        assertThat(text).contains("with an eID this application does not accept");
        assertThat(text).doesNotContain("BundID").as("only the offered eID is shown");
    }

    @Test
    void aBundIdSessionGivesPromptNoneNoTokenAtAnIdAustriaOnlyApplication() {
        assertThat(erikaWithBundId()
                        .visit(AUSTRIA_ONLY, Map.of("prompt", "none"))
                        .callbackParams())
                .containsEntry("error", "login_required")
                .doesNotContainKey("code");
    }

    @Test
    void anotherPersonsFreshLoginReplacesTheSessionThatDidNotFit() {
        SsoPerson person = erikaWithBundId();
        SsoPerson.Attempt attempt = person.visit(AUSTRIA_ONLY, Map.of("kc_idp_hint", "idaustria"));
        assertThat(attempt.reachedClient()).isFalse();
        Page done = person.finishIdAustria(attempt.page(), false, "anna");
        JsonNode id = new SsoPerson.Attempt(attempt.client, attempt.request, done)
                .tokens()
                .idTokenClaims();
        assertThat(id.path("pvp").path("bpk").asText()).isNotBlank();
        assertThat(id.has("bundid")).as("nothing of Erika's BundID login").isFalse();
        assertThat(id.path("given_name").asText()).isEqualTo("Anna");
    }

    @Test
    void theLevelTheEidLoginProvedStaysTheSessionsLevel() {
        SsoPerson person = new SsoPerson();
        JsonNode first = person.loginWithBundId(OPEN, "erika", "eID", Map.of()).idTokenClaims();
        JsonNode second = person.visit(OPEN_TOO).tokens().idTokenClaims();
        assertThat(second.path("acr").asText())
                .isEqualTo(first.path("acr").asText())
                .isNotEqualTo("0");
        assertThat(second.path("bundid").path("level").asText())
                .isEqualTo(first.path("bundid").path("level").asText());
    }

    @Test
    void aLowerLevelSessionStepsUpInsteadOfAnsweringAHigherRequest() {
        SsoPerson person = new SsoPerson();
        JsonNode first = person.loginWithBundId(OPEN, "max", "Elster", Map.of()).idTokenClaims();
        assertThat(first.path("bundid").path("level").asText()).isEqualTo("STORK-QAA-Level-3");
        SsoPerson.Attempt higher = person.visit(OPEN_TOO, Map.of("acr_values", "STORK-QAA-Level-4"));
        assertThat(higher.reachedClient())
                .as("no token at level 3 for a level-4 request")
                .isFalse();
        assertThat(person.visit(OPEN_TOO, Map.of("acr_values", "STORK-QAA-Level-4", "prompt", "none"))
                        .callbackParams())
                .doesNotContainKey("code");
    }

    // ---- the enforcement point on a flow without GovID's SSO step (Keycloak's stock browser flow)

    @Test
    void theRulesHoldOnKeycloaksStockFlowTooTheClientGetsAccessDenied() {
        Map<String, String> callback = annaForKarl().visit(STOCK_FLOW_OFF).callbackParams();
        assertThat(callback).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(callback.get("error_description")).contains("1108");
    }

    @Test
    void theRulesHoldOnKeycloaksStockFlowWithPromptNone() {
        Map<String, String> callback =
                annaForKarl().visit(STOCK_FLOW_OFF, Map.of("prompt", "none")).callbackParams();
        assertThat(callback).containsEntry("error", "interaction_required").doesNotContainKey("code");
    }

    // ---- SAML1 over SSO

    private static Page startSaml1(SsoPerson person, String clientId, Map<String, String> extra) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("Target", "BF");
        params.put("OA", oaPrefix + clientId + "/login");
        params.putAll(extra);
        return person.browser().get(Urls.withQuery(saml1.protocolUrl() + "/StartAuthentication", params));
    }

    @Test
    void aSaml1ApplicationWithoutRepresentationGetsNoMandateBySso() {
        Page page = startSaml1(annaForKarl(), SAML1_OFF, Map.of());
        assertThat(page.isRedirect())
                .as("no artifact for the mandate session: %s", page)
                .isFalse();
        assertThat(page.text()).contains("can only be used for yourself");
    }

    @Test
    void saml1UseMandateIsNotAnsweredByAPersonalSession() {
        Page page = startSaml1(annaForHerself(), SAML1_OPTIONAL, Map.of("useMandate", "true"));
        assertThat(page.isRedirect())
                .as("no artifact without a mandate: %s", page)
                .isFalse();
        assertThat(page.text()).contains("on behalf of someone else");
    }

    @Test
    void saml1UseMandateFalseIsNotAnsweredByAMandateSession() {
        Page page = startSaml1(annaForKarl(), SAML1_OPTIONAL, Map.of("useMandate", "false"));
        assertThat(page.isRedirect())
                .as("no artifact for the mandate session: %s", page)
                .isFalse();
        assertThat(page.text()).contains("for yourself");
    }

    @Test
    void saml1UseMandateFalseIsAnsweredByAPersonalSession() {
        Page page = startSaml1(annaForHerself(), SAML1_OPTIONAL, Map.of("useMandate", "false"));
        assertThat(page.isRedirect()).as("single sign-on: %s", page).isTrue();
        HttpResponse<String> data =
                saml1.getAuthenticationData(Urls.queryParams(page.location()).get("SAMLArtifact"));
        assertThat(data.body())
                .contains("samlp:Success")
                .doesNotContain("MandateData")
                .doesNotContain("Karl");
    }

    @Test
    void theDemosIdAustriaOnlySaml1ApplicationGetsNoBundIdIdentity() {
        SsoPerson person = new SsoPerson();
        person.loginWithBundId(SharedKeycloak.DEMO_CLIENT_ID, "erika", "eID", Map.of());
        Map<String, String> params = Map.of("Target", "BF", "OA", SharedKeycloak.appUrl() + "/oa/login");
        Page page = person.browser().get(Urls.withQuery(saml1.protocolUrl() + "/StartAuthentication", params));
        assertThat(page.isRedirect())
                .as("moa-demo-oa must not get Erika's bPK2: %s", page)
                .isFalse();
        assertThat(page.text()).contains("with an eID this application does not accept");
    }

    @Test
    void onKeycloaksStockFlowTheSaml1ApplicationGetsMoaId1108() {
        Page page = startSaml1(annaForKarl(), SAML1_STOCK_FLOW_OFF, Map.of());
        assertThat(page.isRedirect()).as("%s", page).isTrue();
        Map<String, String> query = Urls.queryParams(page.location());
        HttpResponse<String> data = saml1.getAuthenticationData(query.get("SAMLArtifact"));
        assertThat(data.body()).contains("1108").doesNotContain("Mandate").doesNotContain("Karl");
    }
}
