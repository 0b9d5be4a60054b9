package dev.govid.keycloak.it.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a response can be wrong ends on an error page, with no code for the client and no stack trace.
 * The bad responses are produced by the simulator (a second SAML stack), correctly signed where the fault
 * is not the signature itself.
 */
class BundIdHostileResponseIT {

    @BeforeAll
    static void startServers() {
        SharedKeycloak.get();
        SharedSimulator.get();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tampered-signature    | Invalid signature in response from identity provider",
                "unsigned              | Invalid signature in response from identity provider",
                "plain-assertion       | The answer from BundID was not encrypted as required",
                "expired               | has expired",
                "wrong-audience        | Login timeout",
                "wrong-destination     | Invalid Request",
                "xxe                   | The answer from BundID could not be read",
                "entity-expansion      | The answer from BundID could not be read",
                "assertion-signed-only | was not signed as required",
            })
    void faultyResponseIsRefused(String fault, String expectedMessage) {
        BundIdLogin login = BundIdLoginIT.newLogin()
                .start()
                .atIdp()
                .loginAs("erika", "eID", fault)
                .backToKeycloak();
        assertRefused(login.result(), expectedMessage);
    }

    @Test
    void replayedResponseIsRefusedInTheSameAndInAnotherBrowser() {
        BundIdLogin login = BundIdLoginIT.newLogin().start().atIdp().loginAs("erika", "eID", "none");
        Map<String, String> form = login.responseForm();
        String acs = login.acsUrl();
        login.backToKeycloak().tokens();

        Browser attacker = new Browser();
        assertRefused(attacker.post(acs, form), null);
        assertRefused(login.result().isRedirect() ? new Browser().post(acs, form) : login.result(), null);
    }

    /**
     * XML signature wrapping: an unsigned outer Response that carries the genuinely signed one inside
     * {@code samlp:Extensions}. The signature is valid but does not cover the message that is processed.
     */
    @Test
    void signatureWrappingIsRefused() throws Exception {
        BundIdLogin login = BundIdLoginIT.newLogin().start().atIdp().loginAs("erika", "eID", "none");
        Map<String, String> form = new LinkedHashMap<>(login.responseForm());
        org.w3c.dom.Document signed = SamlXml.parse(new String(
                Base64.getMimeDecoder().decode(form.get("SAMLResponse")), java.nio.charset.StandardCharsets.UTF_8));
        org.w3c.dom.Element original = signed.getDocumentElement();
        org.w3c.dom.Element wrapper = (org.w3c.dom.Element) original.cloneNode(true);
        wrapper.setAttribute("ID", "_wrapper" + System.nanoTime());
        for (org.w3c.dom.Element signature : SamlXml.elements(signed, SamlXml.DS, "Signature")) {
            if (signature.getParentNode() == original) {
                wrapper.removeChild(
                        wrapper.getElementsByTagNameNS(SamlXml.DS, "Signature").item(0));
            }
        }
        org.w3c.dom.Element extensions = signed.createElementNS(SamlXml.SAMLP, "samlp:Extensions");
        org.w3c.dom.Node issuer =
                wrapper.getElementsByTagNameNS(SamlXml.SAML, "Issuer").item(0);
        wrapper.insertBefore(extensions, issuer.getNextSibling());
        signed.replaceChild(wrapper, original);
        extensions.appendChild(original);

        java.io.StringWriter out = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance()
                .newTransformer()
                .transform(
                        new javax.xml.transform.dom.DOMSource(signed),
                        new javax.xml.transform.stream.StreamResult(out));
        form.put(
                "SAMLResponse",
                Base64.getEncoder().encodeToString(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertRefused(new Browser().post(login.acsUrl(), form), null);
        assertRefused(
                login.backToKeycloak().result().isRedirect()
                        ? new Browser().post(login.acsUrl(), form)
                        : login.result(),
                null);
    }

    @Test
    void malformedResponsesAreRefused() {
        BundIdLogin login = BundIdLoginIT.newLogin().start().atIdp().loginAs("erika", "eID", "none");
        String acs = login.acsUrl();
        Map<String, String> form = new LinkedHashMap<>(login.responseForm());
        Browser browser = new Browser();

        form.put("SAMLResponse", "not base64 at all !!!");
        assertRefused(browser.post(acs, form), null);
        form.put(
                "SAMLResponse",
                Base64.getEncoder()
                        .encodeToString(
                                "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"".getBytes()));
        assertRefused(browser.post(acs, form), null);
        form.put("SAMLResponse", Base64.getEncoder().encodeToString("<html>hello</html>".getBytes()));
        assertRefused(browser.post(acs, form), null);
        form.remove("SAMLResponse");
        assertRefused(browser.post(acs, form), null);
    }

    @Test
    void oversizedResponseIsRefused() {
        BundIdLogin login = BundIdLoginIT.newLogin().start().atIdp().loginAs("erika", "eID", "none");
        Map<String, String> form = new LinkedHashMap<>(login.responseForm());
        byte[] huge = ("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                        + "A".repeat(4 * 1024 * 1024) + "</samlp:Response>")
                .getBytes();
        form.put("SAMLResponse", Base64.getEncoder().encodeToString(huge));
        assertRefused(new Browser().post(login.acsUrl(), form), null);
    }

    private static void assertRefused(Page page, String expectedMessage) {
        boolean reachedClient = page.isRedirect() && page.location().toString().startsWith(SharedKeycloak.appUrl());
        assertThat(reachedClient)
                .as("refused response must not reach the client: %s", page)
                .isFalse();
        // Keycloak's own SAML checks answer 400; the profile's refusals re-render the login page (200) with the
        // message.
        assertThat(page.status()).as("status of %s", page).isIn(200, 400, 401, 403, 413);
        assertThat(page.body()).doesNotContain("Exception", "at org.keycloak", "at dev.govid");
        if (expectedMessage != null) {
            assertThat(page.text()).contains(expectedMessage);
        }
    }
}
