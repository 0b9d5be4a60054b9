package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Interoperability with a SAML IdP we did not write: a Keycloak realm emits PVP attributes (bPK, names,
 * birthdate, a mandate of a legal person) with a signed Response and an encrypted assertion; the ID Austria
 * profile must accept it and build the same tokens as from ID Austria.
 */
class KeycloakAsPvpPeerIT {

    private static final String PEER = "pvp-peer";
    private static final String CONSUMER = "pvp-interop";
    private static final String ALIAS = "pvp-kc";
    private static final String SECRET = "pvp-interop-secret";
    private static final String BPK = "BF:UGVlckFubmFIdWJlckJQSzEyMw==";
    private static KeycloakServer keycloak;
    private static String redirectUri;

    @BeforeAll
    static void createRealms() {
        keycloak = SharedKeycloak.get();
        redirectUri = SharedKeycloak.appUrl() + "/pvp-interop";
        PeerRealms.recreateWithConsumer(keycloak, CONSUMER, PEER, PeerRealms.EIDAS_LEVELS, SECRET, redirectUri, """
                "attributes":{"govid.representation":"optional","govid.mandate.profiles":"Vertretungsbefugnis"},
                "protocolMappers":[
                  {"name":"pvp","protocol":"openid-connect","protocolMapper":"govid-pvp-claims","config":{"id.token.claim":"true"}},
                  {"name":"represents","protocol":"openid-connect","protocolMapper":"govid-represents","config":{"id.token.claim":"true"}}]""");
        String consumerUrl = keycloak.realmUrl(CONSUMER);
        String acs = consumerUrl + "/broker/" + ALIAS + "/endpoint";
        JsonNode keys = keycloak.admin().getJson("/" + CONSUMER + "/keys").path("keys");
        keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "users":[{"username":"anna.peer","enabled":true,"emailVerified":true,"firstName":"Anna","lastName":"Huber",
                   "email":"anna.peer@example.at","credentials":[{"type":"password","value":"peer-password","temporary":false}]}],
                 "clients":[{"clientId":"%s","protocol":"saml","enabled":true,"redirectUris":["%s"],
                   "attributes":{"saml_assertion_consumer_url_post":"%s","saml.server.signature":"true","saml.assertion.signature":"false",
                     "saml.client.signature":"true","saml.signing.certificate":"%s","saml.encrypt":"true","saml.encryption.certificate":"%s",
                     "saml_name_id_format":"persistent","saml.signature.algorithm":"RSA_SHA256"},
                   "protocolMappers":[%s,%s,%s,%s,%s,%s,%s,%s,%s,%s]}]}
                """.formatted(
                PEER,
                consumerUrl,
                acs,
                acs,
                certificate(keys, "SIG", "RS256"),
                certificate(keys, "ENC", "RSA-OAEP"),
                property("GIVEN-NAME", "firstName", "urn:oid:2.5.4.42"),
                property("PRINCIPAL-NAME", "lastName", "urn:oid:1.2.40.0.10.2.1.1.261.20"),
                property("MAIL", "email", "urn:oid:0.9.2342.19200300.100.1.3"),
                hardcoded("BPK", "urn:oid:1.2.40.0.10.2.1.1.149", BPK),
                hardcoded("BIRTHDATE", "urn:oid:1.2.40.0.10.2.1.1.55", "1980-02-29"),
                hardcoded("PVP-VERSION", "urn:oid:1.2.40.0.10.2.1.1.261.10", "2.1"),
                hardcoded("EID-CITIZEN-QAA-LEVEL", "urn:oid:1.2.40.0.10.2.1.1.261.94", "STORK-QAA-Level-4"),
                hardcoded("MANDATE-TYPE", "urn:oid:1.2.40.0.10.2.1.1.261.68", "Vertretungsbefugnis"),
                hardcoded("MANDATOR-LEGAL-PERSON-FULL-NAME", "urn:oid:1.2.40.0.10.2.1.1.261.84", "Peer Handels GmbH"),
                hardcoded("MANDATOR-LEGAL-PERSON-SOURCE-PIN", "urn:oid:1.2.40.0.10.2.1.1.261.100", "654321b"))));
        keycloak.admin().createIdentityProvider(CONSUMER, Json.parse("""
                {"alias":"%s","providerId":"govid-pvp","enabled":true,"config":{
                  "pvpMetadataUrl":"%s/protocol/saml/descriptor","pvpSector":"BF","pvpLoaVocabulary":"eidas"}}
                """.formatted(ALIAS, keycloak.realmUrl(PEER))));
    }

    private static String property(String friendlyName, String userProperty, String uri) {
        return """
                {"name":"%s","protocol":"saml","protocolMapper":"saml-user-property-mapper",
                 "config":{"user.attribute":"%s","attribute.name":"%s","attribute.nameformat":"URI Reference","friendly.name":"%s"}}""".formatted(friendlyName, userProperty, uri, friendlyName);
    }

    private static String hardcoded(String friendlyName, String uri, String value) {
        return """
                {"name":"%s","protocol":"saml","protocolMapper":"saml-hardcode-attribute-mapper",
                 "config":{"attribute.name":"%s","attribute.nameformat":"URI Reference","friendly.name":"%s","attribute.value":"%s"}}""".formatted(friendlyName, uri, friendlyName, value);
    }

    private static String certificate(JsonNode keys, String use, String algorithm) {
        for (JsonNode key : keys) {
            if (use.equals(key.path("use").asText())
                    && algorithm.equals(key.path("algorithm").asText())) {
                return key.path("certificate").asText();
            }
        }
        throw new AssertionError("no " + use + " key " + algorithm);
    }

    private record PeerLogin(Page last, JsonNode idToken) {}

    private static PeerLogin loginAtPeer() {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(redirectUri);
        OidcClient client = new OidcClient(keycloak.realmUrl(CONSUMER), "app", SECRET, redirectUri);
        var authorization = client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", ALIAS));
        // The interop realm uses Keycloak's default browser flow: no representation question, so the
        // mandate the peer sends must be acceptable for the client on its own.
        Page toPeer = browser.get(authorization.url());
        Page peerLogin = browser.followAutoPost(toPeer);
        Page samlResponse = browser.submitForm(
                peerLogin, "#kc-form-login", Map.of("username", "anna.peer", "password", "peer-password"));
        Page result = browser.followAutoPost(samlResponse);
        if (!(result.isRedirect() && result.location().toString().startsWith(redirectUri))) {
            return new PeerLogin(result, null);
        }
        return new PeerLogin(
                result,
                client.exchangeCode(Urls.queryParams(result.location()).get("code"), authorization.codeVerifier())
                        .idTokenClaims());
    }

    @Test
    void keycloakEmittingPvpAttributesLogsInWithMandate() {
        PeerLogin login = loginAtPeer();
        assertThat(login.idToken()).as("%s", login.last()).isNotNull();
        JsonNode id = login.idToken();

        assertThat(id.path("pvp").path("bpk").asText()).isEqualTo(BPK);
        assertThat(id.path("pvp").path("pvp_version").asText()).isEqualTo("2.1");
        assertThat(id.path("acr").asText()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(id.path("family_name").asText()).isEqualTo("Huber");
        assertThat(id.path("represents").path("name").asText()).isEqualTo("Peer Handels GmbH");
        assertThat(id.path("represents").path("sub").asText()).isEqualTo("654321b");
        assertThat(id.path("mandate").path("type").asText()).isEqualTo("Vertretungsbefugnis");
    }

    /** A value that breaks the attribute profile (a German-style date) is refused with a clear message. */
    @Test
    void malformedAttributeValueIsRefused() {
        String clientPath = "/" + PEER + "/clients?clientId=" + keycloak.realmUrl(CONSUMER);
        String clientUuid =
                keycloak.admin().getJson(clientPath).get(0).path("id").asText();
        JsonNode mappers = keycloak.admin().getJson("/" + PEER + "/clients/" + clientUuid + "/protocol-mappers/models");
        JsonNode birthdate = null;
        for (JsonNode mapper : mappers) {
            if ("BIRTHDATE".equals(mapper.path("name").asText())) {
                birthdate = mapper;
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode broken = birthdate.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("config")).put("attribute.value", "29.02.1980");
        String path = "/" + PEER + "/clients/" + clientUuid + "/protocol-mappers/models/"
                + birthdate.path("id").asText();
        keycloak.admin().putJson(path, broken);
        try {
            PeerLogin login = loginAtPeer();
            assertThat(login.idToken()).isNull();
            assertThat(login.last().text()).contains("does not match the PVP attribute profile");
        } finally {
            keycloak.admin().putJson(path, birthdate);
        }
    }
}
