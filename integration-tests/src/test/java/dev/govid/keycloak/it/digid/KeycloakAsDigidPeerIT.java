package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.PeerRealms;
import dev.govid.keycloak.it.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SAML IdP we did not write: a Keycloak realm answering with the artifact binding (signed ArtifactResponse with a
 * signed Response and a signed assertion inside), a 3.x-style {@code s00000000:<BSN>} NameID and the DigiD level as
 * AuthnContextClassRef (Keycloak's step-up level mapped by its own AuthnContextClassRef mapper), resolved by
 * govid-digid over SOAP.
 */
class KeycloakAsDigidPeerIT {

    private static final String PEER = "digid-peer";
    private static final String CONSUMER = "digid-interop";
    private static final String ALIAS = "digid-kc";
    private static final String SECRET = "digid-interop-secret";
    private static final String BSN = "999990056";
    private static final String MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract";
    private static KeycloakServer keycloak;
    private static String redirectUri;

    @BeforeAll
    static void createRealms() {
        keycloak = SharedKeycloak.get();
        redirectUri = SharedKeycloak.appUrl() + "/digid-interop";
        PeerRealms.recreateWithConsumer(keycloak, CONSUMER, PEER, PeerRealms.EIDAS_LEVELS, SECRET, redirectUri, """
                "protocolMappers":[
                  {"name":"digid","protocol":"openid-connect","protocolMapper":"govid-digid-claims","config":{"id.token.claim":"true"}}]""");
        String consumerUrl = keycloak.realmUrl(CONSUMER);
        String acs = consumerUrl + "/broker/" + ALIAS + "/endpoint";
        DigidSetup.namesAndEmailOptional(keycloak, CONSUMER);
        JsonNode keys = keycloak.admin().getJson("/" + CONSUMER + "/keys").path("keys");
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,"browserFlow":"digid-levels",
                 "authenticationFlows":[
                   {"alias":"digid-levels","providerId":"basic-flow","topLevel":true,"builtIn":false,"authenticationExecutions":[
                     {"authenticator":"auth-cookie","requirement":"ALTERNATIVE","priority":10,"authenticatorFlow":false},
                     {"flowAlias":"digid-levels-forms","requirement":"ALTERNATIVE","priority":20,"authenticatorFlow":true}]},
                   {"alias":"digid-levels-forms","providerId":"basic-flow","topLevel":false,"builtIn":false,"authenticationExecutions":[
                     {"flowAlias":"digid-levels-midden","requirement":"CONDITIONAL","priority":10,"authenticatorFlow":true}]},
                   {"alias":"digid-levels-midden","providerId":"basic-flow","topLevel":false,"builtIn":false,"authenticationExecutions":[
                     {"authenticator":"conditional-level-of-authentication","authenticatorConfig":"midden","requirement":"REQUIRED","priority":10,"authenticatorFlow":false},
                     {"authenticator":"auth-username-password-form","requirement":"REQUIRED","priority":20,"authenticatorFlow":false}]}],
                 "authenticatorConfig":[{"alias":"midden","config":{"loa-condition-level":"1","loa-max-age":"36000"}}],
                 "clients":[{"clientId":"%s","protocol":"saml","enabled":true,"redirectUris":["%s"],
                   "attributes":{"saml_assertion_consumer_url_post":"%s","saml.server.signature":"true","saml.assertion.signature":"true",
                     "saml.client.signature":"true","saml.signing.certificate":"%s","saml.encrypt":"false","saml.artifact.binding":"true","saml.authnstatement":"true",
                     "saml_name_id_format":"unspecified","saml_force_name_id_format":"true","saml.signature.algorithm":"RSA_SHA256",
                     "acr.loa.map":"{\\"%s\\":1}"},
                   "protocolMappers":[
                     {"name":"bsn","protocol":"saml","protocolMapper":"saml-user-attribute-nameid-mapper",
                      "config":{"mapper.nameid.format":"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified","user.attribute":"digidNameId"}},
                     {"name":"level","protocol":"saml","protocolMapper":"saml-authn-context-class-ref-mapper","config":{}}]}]}
                """.formatted(PEER, consumerUrl, acs, acs, certificate(keys), MIDDEN)));
        ObjectNode profile = (ObjectNode) keycloak.admin().getJson("/" + PEER + "/users/profile");
        profile.put("unmanagedAttributePolicy", "ENABLED");
        keycloak.admin().putJson("/" + PEER + "/users/profile", profile);
        keycloak.admin().postJson("/" + PEER + "/users", Json.parse("""
                {"username":"citizen.peer","enabled":true,"emailVerified":true,"firstName":"Kim","lastName":"Peer","email":"kim.peer@example.nl",
                 "attributes":{"digidNameId":["s00000000:%s"]},
                 "credentials":[{"type":"password","value":"peer-password","temporary":false}]}
                """.formatted(BSN)));
        keycloak.admin().createIdentityProvider(CONSUMER, Json.parse("""
                {"alias":"%s","providerId":"govid-digid","enabled":true,"config":{
                  "digidEnvironment":"custom","digidMetadataUrl":"%s/protocol/saml/descriptor","digidGeneration":"3","digidMinimumLevel":"midden"}}
                """.formatted(ALIAS, keycloak.realmUrl(PEER))));
    }

    private static String certificate(JsonNode keys) {
        for (JsonNode key : keys) {
            if ("SIG".equals(key.path("use").asText())
                    && "RS256".equals(key.path("algorithm").asText())) {
                return key.path("certificate").asText();
            }
        }
        throw new AssertionError("no RS256 signing key");
    }

    @Test
    void keycloakAnsweringByArtifactLogsACitizenInWithTheBsnFromItsNameId() {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(keycloak.realmUrl(CONSUMER), "app", SECRET, redirectUri);
        var authorization = client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", ALIAS));
        Page toPeer = browser.get(authorization.url());
        Page peerLogin = browser.followAutoPost(toPeer);
        Page answer = browser.submitForm(
                peerLogin, "#kc-form-login", Map.of("username", "citizen.peer", "password", "peer-password"));
        Page result = answer.isRedirect() || answer.document().select("form").isEmpty()
                ? answer
                : browser.followAutoPost(answer);
        assertThat(result.isRedirect() && result.location().toString().startsWith(redirectUri))
                .as("%s", result)
                .isTrue();
        JsonNode id = client.exchangeCode(Urls.queryParams(result.location()).get("code"), authorization.codeVerifier())
                .idTokenClaims();
        assertThat(id.path("digid").path("bsn").asText()).isEqualTo(BSN);
        assertThat(id.path("digid").path("digid_generation").asText()).isEqualTo("3");
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/low");
    }
}
