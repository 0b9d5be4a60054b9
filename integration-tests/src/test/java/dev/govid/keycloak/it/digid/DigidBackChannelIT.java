package dev.govid.keycloak.it.digid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's DigiD back channel is mutual TLS: only the registered client certificate (Keycloak's) gets in. */
class DigidBackChannelIT {

    private static Simulator simulator;

    @BeforeAll
    static void setUp() {
        simulator = DigidSetup.ready();
    }

    private static HttpResponse<String> post(String client) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(SharedKeycloak.tls().clientContext(client))
                .build();
        return http.send(
                HttpRequest.newBuilder(URI.create(simulator.digid().artifactResolutionUrl()))
                        .header("Content-Type", "text/xml")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void callerWithoutAClientCertificateIsRefusedInTheHandshake() {
        assertThatThrownBy(() -> post(null)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void callerWithAnUnregisteredCertificateIsRefused() {
        assertThatThrownBy(() -> post(SharedKeycloak.IMPOSTOR_TLS_CLIENT)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> post(SharedKeycloak.OTHER_TLS_CLIENT)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theRegisteredCertificateIsLetInAndJunkIsAnswered() throws Exception {
        HttpResponse<String> response = post(SharedKeycloak.DIGID_TLS_CLIENT);
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void keycloakResolvesOverTheBackChannelWithItsClientCertificate() {
        int before = simulator.digid().resolutions();
        DigidLogin.forClient("digid-app")
                .start(DigidSetup.V4)
                .atIdp()
                .loginAs("jan", "hoog")
                .backToKeycloak()
                .tokens();
        assertThat(simulator.digid().resolutions()).isEqualTo(before + 1);
    }
}
