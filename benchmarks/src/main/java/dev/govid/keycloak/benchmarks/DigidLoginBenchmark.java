package dev.govid.keycloak.benchmarks;

import java.util.Base64;
import java.util.Map;

import dev.govid.keycloak.harness.AuthorizationRequest;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;

/**
 * A DigiD 3.x login answered by HTTP-Artifact and resolved over the mutual-TLS SOAP back channel, through GovID's
 * DigiD provider type (artifact checks, signed ArtifactResolve, BSN person key, level, claims) versus Keycloak's stock
 * SAML broker with its artifact binding (signed requests, signature validation, NameID as principal) against the
 * same simulator, which answers both with the same 3.x message.
 */
final class DigidLoginBenchmark {

    private DigidLoginBenchmark() {}

    static void run(BenchmarkEnvironment env) throws Exception {
        env.createRealm("bench-digid-govid", "");
        namesAndEmailOptional(env, "bench-digid-govid");
        String govidRealmUrl = env.keycloak.realmUrl("bench-digid-govid");
        env.keycloak.admin().createIdentityProvider("bench-digid-govid", Json.parse("""
                {"alias":"digid","providerId":"govid-digid","enabled":true,"config":{
                  "syncMode":"FORCE","digidEnvironment":"custom","digidMetadataUrl":"%s","digidGeneration":"3","digidMinimumLevel":"midden"}}
                """.formatted(
                        env.simulator.digid().metadataUrl())));
        String clientId = env.keycloak
                .admin()
                .getJson("/bench-digid-govid/clients?clientId=bench-app")
                .get(0)
                .path("id")
                .asText();
        env.keycloak
                .admin()
                .postJson("/bench-digid-govid/clients/" + clientId + "/protocol-mappers/models", Json.parse("""
                {"name":"digid","protocol":"openid-connect","protocolMapper":"govid-digid-claims","config":{"id.token.claim":"true","access.token.claim":"true"}}
                """));
        env.simulator.trustSpMetadata(govidRealmUrl + "/broker/digid/endpoint/descriptor");

        env.createRealm("bench-digid-stock", "");
        namesAndEmailOptional(env, "bench-digid-stock");
        String stockRealmUrl = env.keycloak.realmUrl("bench-digid-stock");
        env.keycloak.admin().createIdentityProvider("bench-digid-stock", Json.parse("""
                {"alias":"saml","providerId":"saml","enabled":true,"config":{
                  "syncMode":"FORCE","entityId":"%s","idpEntityId":"%s","singleSignOnServiceUrl":"%s",
                  "postBindingAuthnRequest":"true","artifactBindingResponse":"true","artifactResolutionServiceUrl":"%s",
                  "wantAuthnRequestsSigned":"true","validateSignature":"true","wantAssertionsSigned":"true","signingCertificate":"%s",
                  "nameIDPolicyFormat":"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified","principalType":"SUBJECT",
                  "signatureAlgorithm":"RSA_SHA256"}}
                """.formatted(
                stockRealmUrl,
                env.simulator.digid().entityId(),
                env.simulator.digid().metadataUrl().replace("/metadata", "/sso"),
                env.simulator.digid().artifactResolutionUrl(),
                Base64.getEncoder()
                        .encodeToString(env.simulator.signingCertificate().getEncoded()))));
        env.simulator.trustSpMetadata(stockRealmUrl + "/broker/saml/endpoint/descriptor");

        Comparison.run(
                "DigiD artifact login benchmark",
                new ArtifactLogin("stock SAML broker (artifact binding)", stockRealmUrl, "saml", env.redirectUri),
                new ArtifactLogin("GovID DigiD artifact login", govidRealmUrl, "digid", env.redirectUri),
                BenchmarkEnvironment.target().resolve("digid-login-benchmark.md"));
    }

    /** DigiD proves only a BSN: neither path may stop at Keycloak's review-profile page for names and e-mail. */
    private static void namesAndEmailOptional(BenchmarkEnvironment env, String realm) {
        com.fasterxml.jackson.databind.node.ObjectNode profile = (com.fasterxml.jackson.databind.node.ObjectNode)
                env.keycloak.admin().getJson("/" + realm + "/users/profile");
        for (com.fasterxml.jackson.databind.JsonNode attribute : profile.path("attributes")) {
            if (java.util.Set.of("email", "firstName", "lastName")
                    .contains(attribute.path("name").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) attribute).remove("required");
            }
            // The stock broker's username is the NameID s00000000:<BSN>, whose ':' Keycloak's username check refuses.
            if ("username".equals(attribute.path("name").asText())
                    && attribute.path("validations").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) attribute.path("validations"))
                        .remove(java.util.List.of("username-prohibited-characters", "up-username-not-idn-homograph"));
            }
        }
        env.keycloak.admin().putJson("/" + realm + "/users/profile", profile);
    }

    /** A login that ends with DigiD's redirect carrying the artifact, which Keycloak resolves over the back channel. */
    record ArtifactLogin(String name, String realmUrl, String idpAlias, String redirectUri) implements LoginPath {

        @Override
        public void login() {
            Browser browser = new Browser();
            browser.stopBeforeUrlStartingWith(redirectUri);
            OidcClient client = new OidcClient(realmUrl, "bench-app", BenchmarkEnvironment.SECRET, redirectUri);
            AuthorizationRequest authorization =
                    client.newAuthorizationRequest("openid", Map.of("kc_idp_hint", idpAlias));
            Page form = browser.followAutoPost(browser.get(authorization.url()));
            Page answer = browser.submitForm(
                    form,
                    "form[action$=/digid/login]",
                    Map.of("persona", "jan", "level", "midden", "fault", "none"),
                    "action=login");
            Page result = browser.get(answer.element("#digid-continue").absUrl("href"));
            if (!result.isRedirect() || !result.location().toString().startsWith(redirectUri)) {
                throw new IllegalStateException(name + ": login did not reach the client: " + result);
            }
            if (client.exchangeCode(Urls.queryParams(result.location()).get("code"), authorization.codeVerifier())
                            .idToken()
                    == null) {
                throw new IllegalStateException(name + ": no ID token");
            }
        }
    }
}
