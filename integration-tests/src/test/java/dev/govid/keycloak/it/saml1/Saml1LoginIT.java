package dev.govid.keycloak.it.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.KeycloakMetrics;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The MOA-ID SAML1 interface served by Keycloak, scripted end to end: StartAuthentication → ID Austria via
 * the simulator → redirect to the application with a SAML artifact → GetAuthenticationData over SOAP,
 * the assertion's signature checked with the JDK's XMLDSig against the realm key.
 */
class Saml1LoginIT {

    static final String SAMLP1 = "urn:oasis:names:tc:SAML:1.0:protocol";
    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String PERSONDATA = "http://reference.e-government.gv.at/namespace/persondata/20020228#";
    static final String MANDATES = "http://reference.e-government.gv.at/namespace/mandates/20040701#";
    static final String MOA = "http://reference.e-government.gv.at/namespace/moa/20020822#";
    private static final String CLIENT_ID = "moa-oa-it";
    private static KeycloakServer keycloak;
    private static String oaPrefix;
    private static String protocolUrl;
    private static Saml1Calls calls;

    @BeforeAll
    static void registerApplication() {
        if (keycloak != null) {
            return;
        }
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        String realm = SharedKeycloak.DEMO_REALM;
        oaPrefix = SharedKeycloak.appUrl() + "/oa-it/";
        calls = new Saml1Calls(keycloak.realmUrl(realm));
        protocolUrl = calls.protocolUrl();
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + CLIENT_ID).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        keycloak.admin().createClient(realm, Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,"redirectUris":["%s*"],
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF",
                   "moa.friendlyName":"Testapplikation","govid.representation":"optional","govid.mandate.profiles":"*"},
                 "protocolMappers":[
                   {"name":"fixed","protocol":"govid-moa-saml1","protocolMapper":"govid-saml1-attribute",
                    "config":{"saml1.attribute.name":"Testattribut","saml1.source":"hardcoded","saml1.source.value":"42"}},
                   {"name":"mail","protocol":"govid-moa-saml1","protocolMapper":"govid-saml1-attribute",
                    "config":{"saml1.attribute.name":"MAIL","saml1.source":"eid-attribute","saml1.source.value":"email"}},
                   {"name":"no qualified-certificate flag","protocol":"govid-moa-saml1","protocolMapper":"govid-saml1-omit-attribute",
                    "config":{"saml1.attribute.name":"isQualifiedCertificate"}}]}
                """.formatted(CLIENT_ID, oaPrefix, oaPrefix)));
    }

    /** Runs the browser part and returns the redirect to the application (with SAMLArtifact). */
    static URI loginAtApplication(Map<String, String> params, String persona, boolean answerRepresentation) {
        return loginAtApplication(params, persona, answerRepresentation, oaPrefix);
    }

    static URI loginAtApplication(
            Map<String, String> params, String persona, boolean answerRepresentation, String applicationPrefix) {
        return calls.loginAtApplication(params, persona, answerRepresentation, applicationPrefix);
    }

    static Map<String, String> start(String oa) {
        return Saml1Calls.start(oa);
    }

    static HttpResponse<String> getAuthenticationData(String artifact) {
        return calls.getAuthenticationData(artifact);
    }

    static HttpResponse<String> soap(String body) {
        return calls.soap(body, null);
    }

    static HttpResponse<String> soap(String body, String basicAuth) {
        return calls.soap(body, basicAuth);
    }

    static String requestFor(String artifact) {
        return Saml1Calls.requestFor(artifact);
    }

    @Test
    void startAuthenticationToGetAuthenticationData() throws Exception {
        URI redirect = loginAtApplication(start(oaPrefix + "login"), "anna", true);
        assertThat(redirect.toString()).startsWith(oaPrefix + "login?");
        Map<String, String> query = Urls.queryParams(redirect);
        assertThat(query.get("Target")).isEqualTo("BF");
        String artifact = query.get("SAMLArtifact");
        assertThat(artifact).hasSize(56);

        HttpResponse<String> response = getAuthenticationData(artifact);
        assertThat(response.statusCode()).isEqualTo(200);
        Document doc = SamlXml.parse(response.body());
        Element status =
                (Element) doc.getElementsByTagNameNS(SAMLP1, "StatusCode").item(0);
        assertThat(status.getAttribute("Value")).endsWith(":Success");
        String bpk = PvpBpk.lastValue();
        assertThat(doc.getElementsByTagNameNS(SAML1, "NameIdentifier").item(0).getTextContent())
                .isEqualTo(bpk);
        assertThat(doc.getElementsByTagNameNS(PERSONDATA, "GivenName").item(0).getTextContent())
                .isEqualTo("Anna");
        assertThat(doc.getElementsByTagNameNS(PERSONDATA, "FamilyName").item(0).getTextContent())
                .isEqualTo("Huber");
        assertThat(doc.getElementsByTagNameNS(PERSONDATA, "DateOfBirth").item(0).getTextContent())
                .isEqualTo("1980-02-29");
        assertThat(doc.getElementsByTagNameNS(MANDATES, "Mandate").getLength()).isZero();
        assertThat(assertionSignatureValid(doc))
                .as("assertion signed with the realm key")
                .isTrue();

        org.opensaml.saml1.core.Response independent = OpenSamlReader.read(response.body());
        assertThat(independent.getStatus().getStatusCode().getValue().getLocalPart())
                .isEqualTo("Success");
        org.opensaml.saml1.core.Assertion assertion =
                independent.getAssertions().get(0);
        assertThat(assertion
                        .getAttributeStatements()
                        .get(0)
                        .getSubject()
                        .getNameIdentifier()
                        .getNameIdentifier())
                .isEqualTo(bpk);
        assertThat(assertion.getAttributeStatements().get(0).getAttributes())
                .extracting(a -> a.getAttributeName())
                .as("protocol mappers add and remove attributes")
                .contains("PersonData", "Testattribut", "MAIL")
                .doesNotContain("isQualifiedCertificate");
        OpenSamlReader.verify(assertion, realmCertificate());
    }

    @Test
    void artifactResolvesOnlyOnce() throws Exception {
        KeycloakMetrics before = KeycloakMetrics.scrape();
        String artifact = Urls.queryParams(loginAtApplication(start(oaPrefix + "once"), "anna", true))
                .get("SAMLArtifact");
        assertThat(getAuthenticationData(artifact).body()).contains(":Success");
        HttpResponse<String> replay = getAuthenticationData(artifact);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("Requester").contains("1100").doesNotContain("Assertion ");
        assertThat(SamlXml.parse(replay.body())
                        .getElementsByTagNameNS(SAML1, "Assertion")
                        .getLength())
                .isZero();

        KeycloakMetrics after = KeycloakMetrics.scrape();
        for (String event : new String[] {"issued", "resolved", "unknown"}) {
            assertThat(after.value("govid_saml1_artifacts_total", "event=\"" + event + "\""))
                    .as("SAML1 artifacts %s", event)
                    .isGreaterThanOrEqualTo(before.value("govid_saml1_artifacts_total", "event=\"" + event + "\"") + 1);
        }
    }

    @Test
    void mandateLoginCarriesTheMandate() throws Exception {
        Map<String, String> params = start(oaPrefix + "mandate");
        params.put("useMandate", "true");
        String artifact = Urls.queryParams(loginAtApplication(params, "anna-for-karl", false))
                .get("SAMLArtifact");
        Document doc = SamlXml.parse(getAuthenticationData(artifact).body());
        assertThat(doc.getElementsByTagNameNS(MANDATES, "Mandate").getLength()).isEqualTo(1);
        assertThat(doc.getDocumentElement().getTextContent()).contains("MVR-2026-000123");
        assertThat(assertionSignatureValid(doc)).isTrue();
    }

    /** As MOA-ID: a failed login also returns to the application, which fetches the error with the artifact. */
    @Test
    void cancelledLoginReturnsToTheApplicationWithAnErrorArtifact() throws Exception {
        URI redirect = calls.cancelAtEid(start(oaPrefix + "cancel"), true, oaPrefix);
        assertThat(redirect.toString()).startsWith(oaPrefix + "cancel?");
        String artifact = Urls.queryParams(redirect).get("SAMLArtifact");
        Document doc = SamlXml.parse(getAuthenticationData(artifact).body());
        Element status =
                (Element) doc.getElementsByTagNameNS(SAMLP1, "StatusCode").item(0);
        assertThat(status.getAttribute("Value")).endsWith(":Responder");
        Element moaCode =
                (Element) status.getElementsByTagNameNS(SAMLP1, "StatusCode").item(0);
        assertThat(moaCode.getAttribute("Value")).isEqualTo("moa:E1005");
        assertThat(doc.getElementsByTagNameNS(SAMLP1, "StatusMessage").item(0).getTextContent())
                .startsWith("1005: ");
        assertThat(doc.getElementsByTagNameNS(MOA, "StatusCode").item(0).getTextContent())
                .isEqualTo("1005");
        assertThat(doc.getElementsByTagNameNS(SAML1, "Assertion").getLength()).isZero();
        assertThat(getAuthenticationData(artifact).body())
                .as("error artifacts are single-use too")
                .contains("1100");
    }

    @Test
    void refusedMandateReturnsMoaId1108ToTheApplication() throws Exception {
        String realm = SharedKeycloak.DEMO_REALM;
        String prefix = SharedKeycloak.appUrl() + "/mandate-required/";
        keycloak.admin()
                .getJson("/" + realm + "/clients?clientId=moa-oa-mandate-required")
                .forEach(existing -> keycloak.admin()
                        .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        keycloak.admin().createClient(realm, Json.parse("""
                {"clientId":"moa-oa-mandate-required","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF",
                   "govid.representation":"required","govid.mandate.profiles":"*"}}
                """.formatted(prefix)));
        Map<String, String> params = start(prefix + "app");
        params.put("useMandate", "true");
        URI redirect = calls.loginAtApplication(params, "anna", false, prefix);
        String body = getAuthenticationData(Urls.queryParams(redirect).get("SAMLArtifact"))
                .body();
        assertThat(body).contains("moa:E1108").contains(">1108<").doesNotContain("Assertion ");
    }

    @Test
    void unregisteredApplicationGetsAnErrorPageAndNoRedirect() throws Exception {
        Browser browser = new Browser();
        Page page = browser.get(Urls.withQuery(
                protocolUrl + "/StartAuthentication", Map.of("Target", "BF", "OA", "https://evil.example/steal")));
        assertThat(page.isRedirect()).isFalse();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("1000");
        Page missing = new Browser().get(protocolUrl + "/StartAuthentication?Target=BF");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("1002");
    }

    /** Stronger than MOA-ID, opt-in: the caller must be the application the artifact was issued for. */
    @Test
    void backChannelAuthenticationRefusesOtherCallersWithoutBurningTheArtifact() throws Exception {
        String realm = SharedKeycloak.DEMO_REALM;
        String securePrefix = SharedKeycloak.appUrl() + "/secure/";
        for (String[] c : new String[][] {
            {"moa-oa-secure", "secure-secret", securePrefix},
            {"moa-oa-other", "other-secret", SharedKeycloak.appUrl() + "/other/"}
        }) {
            keycloak.admin().getJson("/" + realm + "/clients?clientId=" + c[0]).forEach(existing -> keycloak.admin()
                    .delete("/" + realm + "/clients/" + existing.path("id").asText()));
            keycloak.admin().createClient(realm, Json.parse("""
                    {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,"secret":"%s",
                     "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF","moa.backChannelAuth":"client-secret"}}
                    """.formatted(c[0], c[1], c[2])));
        }
        String artifact = Urls.queryParams(loginAtApplication(start(securePrefix + "app"), "anna", false, securePrefix))
                .get("SAMLArtifact");
        assertThat(soap(requestFor(artifact)).body()).as("no credentials").contains("1100");
        assertThat(soap(requestFor(artifact), "moa-oa-secure:wrong").body())
                .as("wrong secret")
                .contains("1100");
        assertThat(soap(requestFor(artifact), "moa-oa-other:other-secret").body())
                .as("another application")
                .contains("1100");
        assertThat(soap(requestFor(artifact), "moa-oa-secure:secure-secret").body())
                .as("the owner")
                .contains(":Success");
    }

    @Test
    void unknownAndMalformedArtifactsGetMoaStatusCodes() throws Exception {
        HttpResponse<String> unknown =
                getAuthenticationData("AAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.body()).contains("1100");
        HttpResponse<String> malformed = getAuthenticationData("not-an-artifact");
        assertThat(malformed.body()).contains("6300");
    }

    @Test
    void malformedHostileAndOversizedSoapIsRefused() throws Exception {
        assertThat(soap("this is not xml").statusCode()).isEqualTo(500);
        assertThat(soap("this is not xml").body()).contains("Fault");
        HttpResponse<String> xxe = soap("""
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>&xxe;</soapenv:Body></soapenv:Envelope>""");
        assertThat(xxe.statusCode()).isEqualTo(500);
        assertThat(xxe.body()).contains("Fault").doesNotContain("root:");
        HttpResponse<String> oversized = soap("<a>" + "x".repeat(70 * 1024) + "</a>");
        assertThat(oversized.statusCode()).isEqualTo(413);
    }

    private static X509Certificate realmCertificate() {
        JsonNode keys = keycloak.admin()
                .getJson("/" + SharedKeycloak.DEMO_REALM + "/keys")
                .path("keys");
        String certificate = null;
        for (JsonNode key : keys) {
            if ("SIG".equals(key.path("use").asText())
                    && "RS256".equals(key.path("algorithm").asText())) {
                certificate = key.path("certificate").asText();
            }
        }
        return SamlXml.certificate(certificate);
    }

    private static boolean assertionSignatureValid(Document doc) {
        X509Certificate cert = realmCertificate();
        Element assertion =
                (Element) doc.getElementsByTagNameNS(SAML1, "Assertion").item(0);
        Document standalone = SamlXml.parse(dev.govid.keycloak.it.SamlXml.serialize(assertion));
        standalone.getDocumentElement().setIdAttribute("AssertionID", true);
        return SamlXml.documentSignatureValid(standalone, cert.getPublicKey(), "AssertionID");
    }
}
