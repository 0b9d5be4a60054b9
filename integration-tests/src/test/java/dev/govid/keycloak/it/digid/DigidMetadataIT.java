package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SP metadata as Logius asks for it, the onboarding values, and settings refused when saved. */
class DigidMetadataIT {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void setUp() {
        keycloak = SharedKeycloak.get();
        DigidSetup.ready();
    }

    private static String get(String url, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept);
        if (url.contains("/admin/")) {
            request.header("Authorization", "Bearer " + keycloak.adminToken());
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void spMetadataHasTheArtifactAcsTheServiceUuidAndBothKeys() throws Exception {
        Document metadata = SamlXml.parse(get(
                keycloak.realmUrl(DigidSetup.REALM) + "/broker/" + DigidSetup.V4 + "/endpoint/descriptor",
                "application/xml"));
        var acs = SamlXml.elements(metadata, SamlXml.MD, "AssertionConsumerService");
        assertThat(acs).hasSize(1);
        assertThat(acs.get(0).getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact");
        assertThat(acs.get(0).getAttribute("index")).isEqualTo("0");
        Element service = SamlXml.elements(metadata, SamlXml.MD, "AttributeConsumingService")
                .get(0);
        assertThat(service.getAttribute("index")).isEqualTo("1");
        Element requested =
                SamlXml.elements(metadata, SamlXml.MD, "RequestedAttribute").get(0);
        assertThat(requested.getAttribute("Name")).isEqualTo("urn:nl-eid-gdi:1.0:ServiceUUID");
        assertThat(requested.getTextContent().trim()).isEqualTo(DigidSetup.SERVICE_UUID);
        assertThat(SamlXml.elements(metadata, SamlXml.MD, "KeyDescriptor").stream()
                        .map(e -> e.getAttribute("use")))
                .contains("signing", "encryption");
        assertThat(SamlXml.elements(metadata, SamlXml.DS, "KeyName")).isNotEmpty();
        assertThat(SamlXml.elements(metadata, SamlXml.MD, "SPSSODescriptor")
                        .get(0)
                        .getAttribute("WantAssertionsSigned"))
                .isEqualTo("true");
    }

    @Test
    void onboardingValuesNameWhatLogiusAsksFor() throws Exception {
        String base = keycloak.baseUrl() + "/admin/realms/" + DigidSetup.REALM + "/govid-digid/" + DigidSetup.V4
                + "/onboarding-values";
        JsonNode values = Json.parse(get(base, "application/json"));
        assertThat(values.path("entityId").asText())
                .isEqualTo("urn:nl-eid-gdi:1.0:DV:00000009999999999001:entities:9001");
        assertThat(values.path("assertionConsumerServiceUrl").asText())
                .endsWith("/broker/" + DigidSetup.V4 + "/endpoint");
        assertThat(values.path("serviceUuid").asText()).isEqualTo(DigidSetup.SERVICE_UUID);
        assertThat(values.path("signingCertificate").asText()).isNotBlank();
        assertThat(values.path("encryptionCertificate").asText()).isNotBlank();
        assertThat(get(base, "text/plain"))
                .contains("ServiceUUID: " + DigidSetup.SERVICE_UUID)
                .contains("HTTP-Artifact");
    }

    @Test
    void malformedSettingsAreRefusedWhenSaved() {
        assertThatThrownBy(() -> keycloak.admin().createIdentityProvider(DigidSetup.REALM, Json.parse("""
                {"alias":"digid-typo","providerId":"govid-digid","enabled":true,"config":{
                  "digidEnvironment":"custom","digidMetadataUrl":"htp:/nowhere","digidGeneration":"4","digidServiceUuid":"not-a-uuid"}}
                """)))
                .hasMessageContaining("400");
        assertThatThrownBy(() -> keycloak.admin().createIdentityProvider(DigidSetup.REALM, Json.parse("""
                {"alias":"digid-no-uuid","providerId":"govid-digid","enabled":true,"config":{
                  "digidEnvironment":"preproduction","digidGeneration":"4"}}
                """)))
                .hasMessageContaining("400");
    }

    /** The self-test reads a DigiD provider's metadata and certificates as any eID profile's (eID-neutral). */
    @Test
    void theSelfTestChecksTheDigidProvidersMetadataAndCertificates() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        keycloak.baseUrl() + "/admin/realms/" + DigidSetup.REALM + "/govid-health"))
                                .header("Authorization", "Bearer " + keycloak.adminToken())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode report = Json.parse(response.body());
        JsonNode metadata = null;
        boolean certificates = false;
        for (JsonNode check : report.path("checks")) {
            String name = check.path("name").asText();
            if (name.equals("metadata:" + DigidSetup.V4)) {
                metadata = check;
            }
            certificates |= name.startsWith("certificate:" + DigidSetup.V4 + ":");
        }
        assertThat(metadata)
                .as("metadata check of %s in %s", DigidSetup.V4, report)
                .isNotNull();
        assertThat(metadata.path("ok").asBoolean()).as("%s", metadata).isTrue();
        assertThat(metadata.path("details").path("providerType").asText()).isEqualTo("govid-digid");
        assertThat(metadata.path("details").path("entityId").asText()).isNotBlank();
        assertThat(certificates)
                .as("the IdP's certificates are checked: %s", report)
                .isTrue();
    }
}
