package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with a standard SAML IdP we did not write: a second realm of Keycloak acts as the IdP,
 * verifies our signed AuthnRequest (akdb extension inside), and answers with a signed Response, an
 * encrypted assertion and BundID-named attributes. The BundID profile must accept it as it accepts BundID.
 */
class KeycloakAsBundIdPeerIT {

    private static final String PEER = "bundid-peer";
    private static final String CONSUMER = "bundid-interop";
    private static final String ALIAS = "bundid-kc";
    private static final String SECRET = "interop-secret";
    private static final String PEER_USER = "peer-bpk2-erika";
    private static KeycloakServer keycloak;
    private static String redirectUri;

    @BeforeAll
    static void createRealms() {
        keycloak = SharedKeycloak.get();
        redirectUri = SharedKeycloak.appUrl() + "/interop";
        for (String realm : new String[] {CONSUMER, PEER}) {
            if (keycloak.admin().realmExists(realm)) {
                keycloak.admin().deleteRealm(realm);
            }
        }
        String consumerUrl = keycloak.realmUrl(CONSUMER);
        String peerUrl = keycloak.realmUrl(PEER);
        String acs = consumerUrl + "/broker/" + ALIAS + "/endpoint";

        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "attributes":{"acr.loa.map":"{\\"STORK-QAA-Level-1\\":1,\\"STORK-QAA-Level-2\\":2,\\"STORK-QAA-Level-3\\":3,\\"STORK-QAA-Level-4\\":4}"},
                 "clients":[{"clientId":"app","secret":"%s","publicClient":false,"standardFlowEnabled":true,"redirectUris":["%s"],
                   "protocolMappers":[{"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims",
                     "config":{"id.token.claim":"true","access.token.claim":"true"}}]}]}
                """.formatted(CONSUMER, SECRET, redirectUri)));
        JsonNode keys = keycloak.admin().getJson("/" + CONSUMER + "/keys").path("keys");
        String signingCert = certificate(keys, "SIG", "RS256");
        String encryptionCert = certificate(keys, "ENC", "RSA-OAEP");

        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "users":[{"username":"%s","enabled":true,"emailVerified":true,"firstName":"Erika","lastName":"Peer",
                   "email":"erika.peer@example.org","credentials":[{"type":"password","value":"peer-password","temporary":false}]}],
                 "clients":[{"clientId":"%s","protocol":"saml","enabled":true,"redirectUris":["%s"],
                   "attributes":{
                     "saml_assertion_consumer_url_post":"%s",
                     "saml.server.signature":"true",
                     "saml.assertion.signature":"false",
                     "saml.client.signature":"true",
                     "saml.signing.certificate":"%s",
                     "saml.encrypt":"true",
                     "saml.encryption.certificate":"%s",
                     "saml_name_id_format":"transient",
                     "saml.signature.algorithm":"RSA_SHA256"},
                   "protocolMappers":[
                     %s, %s, %s, %s,
                     {"name":"qaa","protocol":"saml","protocolMapper":"saml-hardcode-attribute-mapper",
                      "config":{"attribute.name":"urn:oid:1.2.40.0.10.2.1.1.261.94","attribute.nameformat":"URI Reference","attribute.value":"STORK-QAA-Level-3"}}]}]}
                """.formatted(
                        PEER,
                        PEER_USER,
                        consumerUrl,
                        acs,
                        acs,
                        signingCert,
                        encryptionCert,
                        property("givenName", "firstName", "urn:oid:2.5.4.42"),
                        property("surname", "lastName", "urn:oid:2.5.4.4"),
                        property("mail", "email", "urn:oid:0.9.2342.19200300.100.1.3"),
                        property("bPK2", "username", "urn:oid:1.3.6.1.4.1.25484.494450.3"))));

        keycloak.admin().createIdentityProvider(CONSUMER, Json.parse("""
                {"alias":"%s","providerId":"govid-bundid","enabled":true,"config":{
                  "bundidEnvironment":"custom","bundidMetadataUrl":"%s/protocol/saml/descriptor",
                  "bundidOnlineServiceId":"BMI-INTEROP","bundidOrganizationDisplayName":"Interop-Test",
                  "bundidOptionalAttributes":"mail"}}
                """.formatted(ALIAS, peerUrl)));
    }

    private static String property(String friendlyName, String userProperty, String oid) {
        return """
                {"name":"%s","protocol":"saml","protocolMapper":"saml-user-property-mapper",
                 "config":{"user.attribute":"%s","attribute.name":"%s","attribute.nameformat":"URI Reference","friendly.name":"%s"}}""".formatted(friendlyName, userProperty, oid, friendlyName);
    }

    private static String certificate(JsonNode keys, String use, String algorithm) {
        for (JsonNode key : keys) {
            if (use.equals(key.path("use").asText())
                    && algorithm.equals(key.path("algorithm").asText())) {
                return key.path("certificate").asText();
            }
        }
        throw new AssertionError("no " + use + " key " + algorithm + " in " + keys);
    }

    private record PeerLogin(Page last, JsonNode idToken) {}

    private static PeerLogin loginAtPeer(Map<String, String> params) {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(keycloak.realmUrl(CONSUMER), "app", SECRET, redirectUri);
        var authorization = client.newAuthorizationRequest("openid", params);
        Page toPeer = browser.get(authorization.url());
        Page peerLogin = browser.followAutoPost(toPeer);
        Page samlResponse = browser.submitForm(
                peerLogin, "#kc-form-login", Map.of("username", PEER_USER, "password", "peer-password"));
        Page result = browser.followAutoPost(samlResponse);
        if (result.isRedirect() && result.location().toString().startsWith(redirectUri)) {
            String code = dev.govid.keycloak.harness.Urls.queryParams(result.location())
                    .get("code");
            return new PeerLogin(
                    result,
                    client.exchangeCode(code, authorization.codeVerifier()).idTokenClaims());
        }
        return new PeerLogin(result, null);
    }

    @Test
    void keycloakAsSamlIdpLogsInThroughTheBundIdProfile() {
        PeerLogin login = loginAtPeer(Map.of("kc_idp_hint", ALIAS));
        assertThat(login.idToken())
                .as("login should reach the client: %s", login.last())
                .isNotNull();
        JsonNode id = login.idToken();
        assertThat(id.path("bundid").path("bpk2").asText()).isEqualTo(PEER_USER);
        assertThat(id.path("bundid").path("level").asText()).isEqualTo("STORK-QAA-Level-3");
        assertThat(id.path("acr").asText()).isEqualTo("STORK-QAA-Level-3");
        assertThat(id.path("given_name").asText()).isEqualTo("Erika");
        assertThat(id.path("email").asText()).isEqualTo("erika.peer@example.org");
    }

    /** An IdP that ignores RequiredAttribute (Keycloak does) must not get past the profile's own check. */
    @Test
    void requiredAttributeTheIdpDidNotSendIsRefusedByTheProfile() {
        JsonNode provider = keycloak.admin().getIdentityProvider(CONSUMER, ALIAS);
        com.fasterxml.jackson.databind.node.ObjectNode strict = provider.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) strict.path("config"))
                .put("bundidRequiredAttributes", "givenName##surname##birthdate");
        keycloak.admin().updateIdentityProvider(CONSUMER, ALIAS, strict);
        try {
            PeerLogin login = loginAtPeer(Map.of("kc_idp_hint", ALIAS));
            assertThat(login.idToken()).isNull();
            assertThat(login.last().text()).contains("BundID could not provide all the data this service needs");
        } finally {
            keycloak.admin().updateIdentityProvider(CONSUMER, ALIAS, provider);
        }
    }

    @Test
    void peerAssertingLevelThreeIsRefusedForALevelFourClient() {
        PeerLogin login = loginAtPeer(Map.of("kc_idp_hint", ALIAS, "acr_values", "STORK-QAA-Level-4"));
        assertThat(login.idToken()).isNull();
        assertThat(login.last().text()).contains("requires a higher level of assurance");
    }
}
