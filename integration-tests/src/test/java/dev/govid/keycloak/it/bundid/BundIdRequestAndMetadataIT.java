package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the BundID provider puts on the wire towards BundID, and what it offers the admin for onboarding. */
class BundIdRequestAndMetadataIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startServers() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
    }

    /** BundID had the same gap as ID Austria: Keycloak's broker passes on prompt=login only. */
    @Test
    void maxAgeAndPromptLoginForceReAuthenticationAtBundId() {
        for (Map<String, String> params : List.of(Map.of("max_age", "60"), Map.of("prompt", "login"))) {
            Document request =
                    SamlXml.parse(BundIdLoginIT.newLogin().start(params).authnRequestXml());
            assertThat(request.getDocumentElement().getAttribute("ForceAuthn"))
                    .as("%s", params)
                    .isEqualTo("true");
        }
    }

    @Test
    void authnRequestIsSignedOverTheAkdbExtension() {
        BundIdLogin login = BundIdLoginIT.newLogin().start();
        Document request = SamlXml.parse(login.authnRequestXml());

        X509Certificate signing =
                SamlXml.certificate(portalValues().path("signingCertificate").asText());
        assertThat(SamlXml.documentSignatureValid(request, signing.getPublicKey()))
                .as("AuthnRequest signature")
                .isTrue();

        Element extension = SamlXml.single(request, SamlXml.AKDB, "AuthenticationRequest");
        assertThat(((Element) extension.getParentNode()).getLocalName()).isEqualTo("Extensions");
        assertThat(extension.getAttribute("Version")).isEqualTo("2");
        assertThat(extension.getAttribute("EnableStatusDetail")).isEqualTo("true");
        assertThat(text(request, SamlXml.CLASSIC_UI, "OrganizationDisplayName")).isEqualTo("GovID Demo-Stadt");
        assertThat(text(request, SamlXml.CLASSIC_UI, "OnlineServiceId")).isEqualTo("BMI-DEMO-0001");
        assertThat(text(request, SamlXml.CLASSIC_UI, "Lang")).isEqualTo("en");
        assertThat(text(request, SamlXml.CLASSIC_UI, "BackURL")).isEqualTo(SharedKeycloak.appUrl() + "/");
        assertThat(SamlXml.requestedAuthnContext(login.authnRequestXml())).isEqualTo("STORK-QAA-Level-1");
        assertThat(request.getDocumentElement().getAttribute("ForceAuthn")).isNotEqualTo("true");
        assertThat(SamlXml.single(request, SamlXml.SAMLP, "NameIDPolicy").getAttribute("Format"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
    }

    @Test
    void requestedAttributesComeFromTheProviderAndItsMappers() {
        Map<String, String> requested =
                requestedAttributes(BundIdLoginIT.newLogin().start().authnRequestXml());
        assertThat(requested)
                .containsEntry("urn:oid:1.3.6.1.4.1.25484.494450.3", "false") // bPK2: policy decides
                .containsEntry("urn:oid:2.5.4.42", "true") // givenName, provider setting
                .containsEntry("urn:oid:2.5.4.4", "true") // surname, provider setting
                .containsEntry("urn:oid:0.9.2342.19200300.100.1.3", "false") // mail, provider setting
                .containsEntry("urn:oid:2.5.4.16", "false") // postalAddress, mapper
                .containsEntry("urn:oid:2.5.4.17", "false") // postalCode, mapper
                .containsEntry("urn:oid:2.5.4.7", "false") // localityName, mapper
                .containsEntry("urn:oid:1.2.40.0.10.2.1.1.225599", "false"); // country, mapper
    }

    @Test
    void germanBrowserGetsGermanBundIdPages() {
        BundIdLogin login = new BundIdLogin(
                        new dev.govid.keycloak.harness.Browser().acceptLanguage("de"),
                        new dev.govid.keycloak.harness.OidcClient(
                                keycloak.realmUrl(REALM),
                                SharedKeycloak.DEMO_CLIENT_ID,
                                SharedKeycloak.demoClientSecret(),
                                SharedKeycloak.appUrl() + "/callback"),
                        SharedKeycloak.appUrl() + "/callback")
                .start();
        assertThat(text(SamlXml.parse(login.authnRequestXml()), SamlXml.CLASSIC_UI, "Lang"))
                .isEqualTo("de");
        assertThat(login.atIdp().idpPage().element("#organization-display-name").text())
                .isEqualTo("GovID Demo-Stadt");
    }

    @Test
    void spMetadataIsWhatBundIdAccepts() throws Exception {
        String xml = get(keycloak.realmUrl(REALM) + "/broker/bundid/endpoint/descriptor");
        Document metadata = SamlXml.parse(xml);
        Element root = metadata.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("EntityDescriptor");
        assertThat(root.hasAttribute("ID")).as("no ID attribute").isFalse();
        assertThat(root.hasAttribute("validUntil")).as("no validUntil").isFalse();
        assertThat(root.getAttribute("entityID")).isEqualTo(keycloak.realmUrl(REALM));
        Element sp = SamlXml.single(metadata, SamlXml.MD, "SPSSODescriptor");
        assertThat(sp.getAttribute("AuthnRequestsSigned")).isEqualTo("true");
        List<String> uses = SamlXml.elements(metadata, SamlXml.MD, "KeyDescriptor").stream()
                .map(k -> k.getAttribute("use"))
                .collect(Collectors.toList());
        assertThat(uses).contains("signing", "encryption");
        List<Element> acs = SamlXml.elements(metadata, SamlXml.MD, "AssertionConsumerService");
        assertThat(acs).hasSize(1);
        assertThat(acs.get(0).getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(acs.get(0).getAttribute("Location")).isEqualTo(keycloak.realmUrl(REALM) + "/broker/bundid/endpoint");
        assertThat(SamlXml.elements(metadata, SamlXml.MD, "RequestedAttribute").stream()
                        .map(e -> e.getAttribute("Name")))
                .contains("urn:oid:2.5.4.16", "urn:oid:2.5.4.17");
    }

    @Test
    void portalValuesAreExactlyTheSelfServicePortalFields() throws Exception {
        JsonNode values = portalValues();
        assertThat(values.path("entityId").asText()).isEqualTo(keycloak.realmUrl(REALM));
        assertThat(values.path("assertionConsumerServiceUrl").asText())
                .isEqualTo(keycloak.realmUrl(REALM) + "/broker/bundid/endpoint");
        assertThat(values.path("environment").asText()).isEqualTo("custom");
        assertThat(values.path("certificateExpiry").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        Document metadata = SamlXml.parse(get(keycloak.realmUrl(REALM) + "/broker/bundid/endpoint/descriptor"));
        List<String> certificates = SamlXml.elements(metadata, SamlXml.DS, "X509Certificate").stream()
                .map(e -> e.getTextContent().replaceAll("\\s", ""))
                .collect(Collectors.toList());
        assertThat(certificates)
                .contains(
                        values.path("signingCertificate").asText(),
                        values.path("encryptionCertificate").asText());
        assertThat(values.path("signingCertificate").asText())
                .isNotEqualTo(values.path("encryptionCertificate").asText());

        HttpResponse<String> text = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM
                                        + "/govid-bundid/bundid/portal-values"))
                                .header("Authorization", "Bearer " + keycloak.adminToken())
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(text.body())
                .contains("EntityID: " + keycloak.realmUrl(REALM), "Ablaufdatum", "Attribute Consume Service Endpoint");
        // The test Keycloak listens on http with a port: exactly what BundID's portal refuses, flagged in both views.
        assertThat(values.path("warnings").findValuesAsText("code"))
                .contains("entityId-not-https", "entityId-port")
                .doesNotContain("encryptionCertificate-missing", "signingCertificate-expiring");
        assertThat(text.body()).startsWith("WARNUNG / WARNING: EntityID: BundID verlangt https");
    }

    @Test
    void portalValuesNeedAnAdminAndABundIdAlias() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM
                                        + "/govid-bundid/bundid/portal-values"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> keycloak.admin().getJson("/" + REALM + "/govid-bundid/no-such-alias/portal-values"))
                .isInstanceOfSatisfying(
                        AdminApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void adminCannotSaveAnIncompleteBundIdProvider() {
        JsonNode incomplete = dev.govid.keycloak.harness.Json.parse("""
                {"alias":"bundid-incomplete","providerId":"govid-bundid","enabled":true,"config":{"bundidEnvironment":"custom"}}""");
        assertThatThrownBy(() -> keycloak.admin().createIdentityProvider(REALM, incomplete))
                .isInstanceOfSatisfying(AdminApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("bundidMetadataUrl is required", "bundidOnlineServiceId");
                });
    }

    private static JsonNode portalValues() {
        return keycloak.admin().getJson("/" + REALM + "/govid-bundid/bundid/portal-values");
    }

    private static Map<String, String> requestedAttributes(String requestXml) {
        return SamlXml.elements(SamlXml.parse(requestXml), SamlXml.AKDB, "RequestedAttribute").stream()
                .collect(Collectors.toMap(e -> e.getAttribute("Name"), e -> e.getAttribute("RequiredAttribute")));
    }

    private static String text(Document doc, String ns, String localName) {
        return SamlXml.single(doc, ns, localName).getTextContent();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
