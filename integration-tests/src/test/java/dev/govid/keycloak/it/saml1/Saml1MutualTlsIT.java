package dev.govid.keycloak.it.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;

import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-channel mutual TLS ({@code moa.backChannelAuth=mtls}): Keycloak terminates TLS and checks the client
 * certificate against its trust store; the SAML1 protocol then demands the application's registered subject DN.
 * Failed attempts do not burn the artifact.
 */
class Saml1MutualTlsIT {
    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final String CLIENT_ID = "moa-oa-mtls";

    private static Saml1Calls browserSide;
    private static String oaPrefix;

    @BeforeAll
    static void registerApplication() {
        KeycloakServer keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        oaPrefix = SharedKeycloak.appUrl() + "/mtls/";
        keycloak.admin().getJson("/" + REALM + "/clients?clientId=" + CLIENT_ID).forEach(existing -> keycloak.admin()
                .delete("/" + REALM + "/clients/" + existing.path("id").asText()));
        keycloak.admin()
                .createClient(REALM, Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF",
                   "moa.backChannelAuth":"mtls","moa.mtls.subjectDn":"%s"}}
                """.formatted(CLIENT_ID, oaPrefix, SharedKeycloak.TLS_CLIENT_DN)));
        browserSide = new Saml1Calls(keycloak.realmUrl(REALM));
    }

    private static Saml1Calls overTls(String clientKey) {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(SharedKeycloak.tls().clientContext(clientKey))
                .build();
        return new Saml1Calls(SharedKeycloak.httpsBaseUrl() + "/realms/" + REALM, http);
    }

    @Test
    void onlyTheRegisteredCertificateGetsTheData() throws Exception {
        String artifact = Urls.queryParams(
                        browserSide.loginAtApplication(Saml1Calls.start(oaPrefix + "app"), "anna", false, oaPrefix))
                .get("SAMLArtifact");
        String request = Saml1Calls.requestFor(artifact);

        assertThat(browserSide.soap(request, null).body())
                .as("plain http, no certificate")
                .contains("1100");
        assertThat(overTls(null).soap(request, null).body())
                .as("TLS without a client certificate")
                .contains("1100");
        assertThat(overTls(SharedKeycloak.OTHER_TLS_CLIENT).soap(request, null).body())
                .as("a certificate Keycloak trusts, but of another subject")
                .contains("1100");
        assertThatThrownBy(() -> overTls(SharedKeycloak.IMPOSTOR_TLS_CLIENT).trySoap(request, null))
                .as("a self-made certificate copying the registered subject DN fails Keycloak's TLS handshake")
                .isInstanceOf(IOException.class);

        assertThat(overTls(SharedKeycloak.TLS_CLIENT).soap(request, null).body())
                .as("the application's own certificate")
                .contains(":Success")
                .contains("PersonData");
        assertThat(overTls(SharedKeycloak.TLS_CLIENT)
                        .soap(Saml1Calls.requestFor(artifact), null)
                        .body())
                .as("still exactly once")
                .contains("1100");
    }
}
