package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.KeycloakLogWindow;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The BundID algorithm allow-list on a real Keycloak: every accepted algorithm (made by the simulator) ends
 * with tokens, every weak one on a refusal page in the person's language, with one WARN line naming the
 * algorithm and no stack trace. One weak case (an HMAC signature) is made by Apache Santuario directly in the
 * test, independent of the simulator's signing code.
 */
class BundIdCryptoIT {

    @BeforeAll
    static void startServers() {
        SharedKeycloak.get();
        SharedSimulator.get();
    }

    /** none = the simulator's defaults: AES-256-GCM, RSA-OAEP (mgf1p), RSASSA-PSS with SHA-256. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "aes128-gcm", "rsa-oaep", "rsa-sha256", "rsa-sha512"})
    void allowedAlgorithmIsAccepted(String scenario) {
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start()
                .atIdp()
                .loginAs("erika", "eID", scenario)
                .backToKeycloak();
        assertThat(login.tokens().idTokenClaims().path("given_name").asText()).isEqualTo("Erika");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "3des        | http://www.w3.org/2001/04/xmlenc#tripledes-cbc",
                "rsa-1_5     | http://www.w3.org/2001/04/xmlenc#rsa-1_5",
                "rsa-sha1    | http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                "sha1-digest | http://www.w3.org/2000/09/xmldsig#sha1",
                "aes256-cbc  | http://www.w3.org/2001/04/xmlenc#aes256-cbc",
            })
    void weakAlgorithmIsRefusedWithOneWarning(String scenario, String algorithm) {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start(Map.of("ui_locales", "en"))
                .atIdp()
                .loginAs("erika", "eID", scenario)
                .backToKeycloak();
        assertRefusedPage(
                login.result(),
                "The answer from BundID was protected with an encryption or signature method that is no longer considered secure");
        assertThat(log.linesContaining(algorithm))
                .as("log lines naming %s", algorithm)
                .hasSize(1)
                .allMatch(line -> line.contains("WARN"));
        assertThat(log.stackFrames()).isEmpty();
    }

    /**
     * RSA-SHA1 on the assertion inside the encryption (invisible before decryption): the JDK's secure validation
     * under Keycloak refuses it as an invalid signature; were it accepted, DecryptedAssertionAlgorithmCheck
     * would refuse it before the profile sees the login. Either way no token.
     */
    @Test
    void weakSignatureInsideTheEncryptedAssertionIsRefused() {
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start(Map.of("ui_locales", "en"))
                .atIdp()
                .loginAs("erika", "eID", "assertion-rsa-sha1")
                .backToKeycloak();
        Page page = login.result();
        assertThat(page.isRedirect() && page.location().toString().startsWith(SharedKeycloak.appUrl()))
                .isFalse();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.text())
                .containsAnyOf("Invalid signature in response from identity provider", "no longer considered secure");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "de | Die Antwort von BundID war mit einem Verschlüsselungs- oder Signaturverfahren geschützt",
                "nl | Het antwoord van BundID was beveiligd met een versleutelings- of handtekeningmethode",
            })
    void refusalFollowsUiLocales(String language, String text) {
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start(Map.of("ui_locales", language))
                .atIdp()
                .loginAs("erika", "eID", "3des")
                .backToKeycloak();
        assertRefusedPage(login.result(), text);
        assertThat(login.result().document().select("html").attr("lang")).isEqualTo(language);
    }

    /** Keycloak's own signature refusal now speaks the login's language too (it was German with ui_locales=en). */
    @Test
    void keycloaksSignatureRefusalFollowsUiLocales() {
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start(Map.of("ui_locales", "en"))
                .atIdp()
                .loginAs("erika", "eID", "tampered-signature")
                .backToKeycloak();
        assertRefusedPage(login.result(), "Invalid signature in response from identity provider");
        assertThat(login.result().document().select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void unencryptedAssertionSaysWhatHappened() {
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start()
                .atIdp()
                .loginAs("erika", "eID", "plain-assertion")
                .backToKeycloak();
        assertRefusedPage(login.result(), "The answer from BundID was not encrypted as required");
        assertThat(login.result().text()).doesNotContain("Invalid requester");
    }

    /** Independent stack: Apache Santuario re-signs the simulator's response with HMAC-SHA256 and a made-up key. */
    @Test
    void hmacSignatureMadeBySantuarioIsRefused() throws Exception {
        KeycloakLogWindow log = KeycloakLogWindow.open();
        BundIdLogin login = BundIdLoginIT.newLogin().start().atIdp().loginAs("erika", "eID", "none");
        Map<String, String> form = new LinkedHashMap<>(login.responseForm());
        Document response = SamlXml.parse(
                new String(Base64.getMimeDecoder().decode(form.get("SAMLResponse")), StandardCharsets.UTF_8));
        Element root = response.getDocumentElement();
        for (Element signature : SamlXml.elements(response, SamlXml.DS, "Signature")) {
            if (signature.getParentNode() == root) {
                root.removeChild(signature);
            }
        }
        org.apache.xml.security.Init.init();
        root.setIdAttributeNS(null, "ID", true);
        XMLSignature hmac = new XMLSignature(
                response, "", XMLSignature.ALGO_ID_MAC_HMAC_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        Element issuer = SamlXml.elements(response, SamlXml.SAML, "Issuer").get(0);
        root.insertBefore(hmac.getElement(), issuer.getNextSibling());
        Transforms transforms = new Transforms(response);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        hmac.addDocument("#" + root.getAttribute("ID"), transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        hmac.sign(
                new SecretKeySpec("a secret nobody at Keycloak knows".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        StringWriter xml = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(response), new StreamResult(xml));
        form.put(
                "SAMLResponse",
                Base64.getEncoder().encodeToString(xml.toString().getBytes(StandardCharsets.UTF_8)));
        Page result = login.browser().post(login.acsUrl(), form);
        assertRefusedPage(result, "no longer considered secure");
        assertThat(log.linesContaining(XMLSignature.ALGO_ID_MAC_HMAC_SHA256)).hasSize(1);
        assertThat(log.stackFrames()).isEmpty();
    }

    @Test
    void spMetadataAdvertisesOnlyTheAllowedEncryptionAlgorithms() {
        String descriptor = new dev.govid.keycloak.harness.Browser()
                .get(SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM) + "/broker/bundid/endpoint/descriptor")
                .body();
        Document metadata = SamlXml.parse(descriptor);
        java.util.List<String> advertised = SamlXml.elements(metadata, SamlXml.MD, "EncryptionMethod").stream()
                .filter(e -> ((Element) e.getParentNode()).getAttribute("use").equals("encryption"))
                .map(e -> e.getAttribute("Algorithm"))
                .toList();
        assertThat(advertised)
                .containsExactlyInAnyOrder(
                        "http://www.w3.org/2009/xmlenc11#aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes128-gcm",
                        "http://www.w3.org/2009/xmlenc11#rsa-oaep", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
    }

    static void assertRefusedPage(Page page, String expectedText) {
        boolean reachedClient = page.isRedirect() && page.location().toString().startsWith(SharedKeycloak.appUrl());
        assertThat(reachedClient)
                .as("refused response must not reach the client: %s", page)
                .isFalse();
        assertThat(page.status()).as("status of %s", page).isBetween(400, 499);
        assertThat(page.body()).doesNotContain("Exception", "at org.keycloak", "at dev.govid", "unknown_error");
        assertThat(page.text()).contains(expectedText);
    }
}
