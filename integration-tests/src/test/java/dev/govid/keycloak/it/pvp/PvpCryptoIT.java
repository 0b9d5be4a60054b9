package dev.govid.keycloak.it.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.KeycloakLogWindow;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import dev.govid.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The ID Austria / PVP algorithm allow-list: GCM only by default; AES-CBC only with the provider's documented
 * switch, which never lets 3DES or RSA-1_5 through. Each refusal names ID Austria in the person's language.
 */
class PvpCryptoIT {

    private static final String CBC_ALIAS = "idaustria-cbc";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startServers() {
        keycloak = SharedKeycloak.get();
        Simulator simulator = SharedSimulator.get();
        String realm = SharedKeycloak.DEMO_REALM;
        if (keycloak.admin().getJson("/" + realm + "/identity-provider/instances").findValues("alias").stream()
                .noneMatch(a -> a.asText().equals(CBC_ALIAS))) {
            keycloak.admin().createIdentityProvider(realm, dev.govid.keycloak.harness.Json.parse("""
                    {"alias":"%s","providerId":"govid-pvp","enabled":true,"config":{
                      "pvpMetadataUrl":"%s","pvpSector":"BF","pvpAllowAesCbc":"true"}}
                    """.formatted(
                            CBC_ALIAS, simulator.pvpMetadataUrl())));
            simulator.trustSpMetadata(keycloak.realmUrl(realm) + "/broker/" + CBC_ALIAS + "/endpoint/descriptor");
        }
    }

    @Test
    void aesCbcIsRefusedByDefault() {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        PvpLogin login = PvpLogin.demoApp()
                .start(Map.of("ui_locales", "de"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "aes256-cbc")
                .backToKeycloak();
        assertThat(login.result().status()).isEqualTo(400);
        assertThat(login.errorPageText())
                .contains(
                        "Die Antwort von ID Austria war mit einem Verschlüsselungs- oder Signaturverfahren geschützt");
        assertThat(log.linesContaining("xmlenc#aes256-cbc")).hasSize(1);
        assertThat(log.stackFrames()).isEmpty();
    }

    @Test
    void aesCbcIsAcceptedWithTheSwitch() {
        PvpLogin login = PvpLogin.demoApp()
                .start(Map.of("kc_idp_hint", CBC_ALIAS))
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", "aes256-cbc")
                .backToKeycloak();
        // Accepted: the broker goes on with the person, to the client or (Anna already came through the
        // realm's other ID Austria provider) to Keycloak's first-login "account already exists" step.
        boolean reachedClient = login.result().isRedirect()
                && login.result().location().toString().startsWith(SharedKeycloak.appUrl());
        assertThat(reachedClient || login.result().url().getPath().endsWith("/login-actions/first-broker-login"))
                .as("accepted response: %s", login.result())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3des", "rsa-1_5", "rsa-sha1"})
    void weakAlgorithmsStayRefusedWithTheSwitch(String scenario) {
        PvpLogin login = PvpLogin.demoApp()
                .start(Map.of("kc_idp_hint", CBC_ALIAS, "ui_locales", "en"))
                .actingFor(false)
                .atIdp()
                .loginAs("anna", "high", scenario)
                .backToKeycloak();
        assertThat(login.result().status()).isEqualTo(400);
        assertThat(login.errorPageText())
                .contains(
                        "The answer from ID Austria was protected with an encryption or signature method that is no longer considered secure");
    }

    @Test
    void metadataAdvertisesCbcOnlyWithTheSwitch() {
        assertThat(advertised("idaustria"))
                .doesNotContain("http://www.w3.org/2001/04/xmlenc#aes256-cbc")
                .contains("http://www.w3.org/2009/xmlenc11#aes256-gcm");
        assertThat(advertised(CBC_ALIAS))
                .contains("http://www.w3.org/2001/04/xmlenc#aes256-cbc", "http://www.w3.org/2009/xmlenc11#aes256-gcm");
    }

    private static List<String> advertised(String alias) {
        String descriptor = new Browser()
                .get(keycloak.realmUrl(SharedKeycloak.DEMO_REALM) + "/broker/" + alias + "/endpoint/descriptor")
                .body();
        return SamlXml.elements(SamlXml.parse(descriptor), SamlXml.MD, "EncryptionMethod").stream()
                .map(e -> ((Element) e).getAttribute("Algorithm"))
                .toList();
    }
}
