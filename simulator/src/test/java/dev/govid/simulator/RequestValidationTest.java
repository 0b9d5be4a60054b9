package dev.govid.simulator;

import static dev.govid.simulator.support.AuthnRequests.DEFAULT_ATTRIBUTES;
import static dev.govid.simulator.support.AuthnRequests.DEFAULT_DISPLAY_INFORMATION;
import static dev.govid.simulator.support.AuthnRequests.akdbExtension;
import static dev.govid.simulator.support.AuthnRequests.method;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import javax.xml.crypto.dsig.SignatureMethod;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.SimulatorFixture;
import dev.govid.simulator.support.TestServiceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AuthnRequests BundID refuses, each with the error code its error page shows. */
class RequestValidationTest {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    private static final String RSA_PSS = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";

    private static Simulator sim;
    private static BrowserClient browser;

    @BeforeAll
    static void start() {
        sim = SimulatorFixture.start();
        browser = new BrowserClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String unsigned(String extension) {
        return AuthnRequests.xml(AuthnRequests.newId(), SP.entityId(), sim.ssoPostUrl(), extension, "");
    }

    private static String errorCodeOf(String xml) {
        HttpResponse<String> page = browser.postAuthnRequest(xml, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).contains("<h1>");
        return BrowserClient.errorCode(page.body());
    }

    private static String signedErrorCode(String extension) {
        return errorCodeOf(AuthnRequests.signEnveloped(unsigned(extension), SP));
    }

    @Test
    void unsignedRequestIsRejected() {
        assertThat(errorCodeOf(unsigned(AuthnRequests.defaultExtension()))).isEqualTo("saml-request-not-signed");
    }

    @Test
    void requestSignedByAnotherKeyIsRejected() {
        TestServiceProvider impostor = TestServiceProvider.create(SP.entityId());
        String xml = AuthnRequests.signEnveloped(unsigned(AuthnRequests.defaultExtension()), impostor);
        assertThat(errorCodeOf(xml)).isEqualTo("saml-request-signature-invalid");
    }

    @Test
    void contentChangedAfterSigningIsRejected() {
        String xml = AuthnRequests.signEnveloped(unsigned(AuthnRequests.defaultExtension()), SP)
                .replace(TestServiceProvider.ACS_URL, "https://evil.example/acs");
        assertThat(errorCodeOf(xml)).isEqualTo("saml-request-signature-invalid");
    }

    @Test
    void signatureWrappingIsRejected() {
        // The signed request is moved inside a new, unsigned document element with a different ID and ACS.
        String signed = AuthnRequests.signEnveloped(unsigned(AuthnRequests.defaultExtension()), SP);
        String inner = signed.replaceFirst("^<\\?xml[^>]*\\?>", "");
        String wrapper = AuthnRequests.xml(
                        "ID_evil", SP.entityId(), sim.ssoPostUrl(), "<p:Extensions>" + inner + "</p:Extensions>", "")
                .replace(TestServiceProvider.ACS_URL, "https://evil.example/acs");
        assertThat(errorCodeOf(wrapper)).isIn("saml-request-not-signed", "saml-request-signature-invalid");
    }

    @Test
    void signatureWithPssIsAccepted() {
        String xml = AuthnRequests.signEnveloped(
                unsigned(AuthnRequests.defaultExtension()),
                SP.privateKey(),
                SP.certificate(),
                SignatureMethod.SHA256_RSA_MGF1);
        assertThat(browser.postAuthnRequest(xml, null).statusCode()).isEqualTo(200);
    }

    @Test
    void doctypeIsRejected() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE p:AuthnRequest [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + AuthnRequests.signEnveloped(unsigned(AuthnRequests.defaultExtension()), SP)
                        .replaceFirst("^<\\?xml[^>]*\\?>", "");
        assertThat(errorCodeOf(xml)).isEqualTo("invalid-request");
    }

    @Test
    void unknownSpIsRejected() {
        TestServiceProvider stranger = TestServiceProvider.create("https://stranger.example.test/sp");
        String xml = AuthnRequests.signEnveloped(
                AuthnRequests.xml(
                        AuthnRequests.newId(),
                        stranger.entityId(),
                        sim.ssoPostUrl(),
                        AuthnRequests.defaultExtension(),
                        ""),
                stranger);
        assertThat(errorCodeOf(xml)).isEqualTo("unknown-sp");
    }

    @Test
    void akdbExtensionRules() {
        String methods = method("eID", true);
        assertThat(signedErrorCode("")).isEqualTo("akdb-extension-missing");
        assertThat(signedErrorCode(akdbExtension("1", methods, DEFAULT_ATTRIBUTES, DEFAULT_DISPLAY_INFORMATION)))
                .isEqualTo("akdb-extension-v1-deprecated");
        assertThat(signedErrorCode(akdbExtension("2", methods, "", DEFAULT_DISPLAY_INFORMATION)))
                .isEqualTo("requested-attributes-empty");
        assertThat(signedErrorCode(akdbExtension("2", methods, null, DEFAULT_DISPLAY_INFORMATION)))
                .isEqualTo("requested-attributes-empty");
        assertThat(signedErrorCode(akdbExtension(
                        "2",
                        methods,
                        "<bund:RequestedAttribute RequiredAttribute=\"true\"/>",
                        DEFAULT_DISPLAY_INFORMATION)))
                .isEqualTo("requested-attributes-missing-name");
        assertThat(signedErrorCode(akdbExtension(
                        "2",
                        method("eID", false) + method("Elster", false),
                        DEFAULT_ATTRIBUTES,
                        DEFAULT_DISPLAY_INFORMATION)))
                .isEqualTo("empty-authentication-methods");
        assertThat(signedErrorCode(akdbExtension(
                        "2",
                        methods,
                        DEFAULT_ATTRIBUTES,
                        "<bund:DisplayInformation><ui:Version xmlns:ui=\"https://www.akdb.de/request/2018/09/classic-ui/v1\">"
                                + "<ui:Lang>en</ui:Lang></ui:Version></bund:DisplayInformation>")))
                .isEqualTo("organization-display-name-missing");
    }

    @Test
    void methodsWithoutEnabledOrUnlistedStayAllowed() {
        String ext = akdbExtension("2", "<bund:eID/>" + method("Elster", false), DEFAULT_ATTRIBUTES, null);
        HttpResponse<String> page = browser.postAuthnRequest(AuthnRequests.signEnveloped(unsigned(ext), SP), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"eID\"")
                .contains("value=\"FINK\"")
                .doesNotContain("value=\"Elster\"");
    }

    @Test
    void redirectBindingWithQuerySignature() {
        for (String sigAlg : new String[] {RSA_SHA256, RSA_SHA512, RSA_PSS}) {
            String query = AuthnRequests.redirectQuery(
                    unsigned(AuthnRequests.defaultExtension()), "state/ä ö", SP.privateKey(), sigAlg);
            HttpResponse<String> page = browser.get("/idp/profile/SAML2/Redirect/SSO?" + query);
            assertThat(page.statusCode()).as(sigAlg + ": " + page.body()).isEqualTo(200);
            String tx = BrowserClient.transactionId(page.body());
            HttpResponse<String> post = browser.login(tx, "erika", null, "none", "login");
            assertThat(BrowserClient.relayState(post.body())).isEqualTo("state/ä ö");
        }
    }

    @Test
    void redirectBindingRejectsMissingAndBadSignatures() {
        String xml = unsigned(AuthnRequests.defaultExtension());
        HttpResponse<String> unsignedPage = browser.get(
                "/idp/profile/SAML2/Redirect/SSO?" + AuthnRequests.redirectQuery(xml, "rs", SP.privateKey(), null));
        assertThat(BrowserClient.errorCode(unsignedPage.body())).isEqualTo("saml-request-not-signed");

        String tampered = AuthnRequests.redirectQuery(xml, "rs", SP.privateKey(), RSA_SHA256)
                .replace("RelayState=rs", "RelayState=rx");
        HttpResponse<String> tamperedPage = browser.get("/idp/profile/SAML2/Redirect/SSO?" + tampered);
        assertThat(tamperedPage.statusCode()).isEqualTo(400);
        assertThat(BrowserClient.errorCode(tamperedPage.body())).isEqualTo("saml-request-signature-invalid");
    }

    @Test
    void missingSamlRequestIsInvalid() {
        HttpResponse<String> page = browser.get("/idp/profile/SAML2/Redirect/SSO?RelayState=x");
        assertThat(BrowserClient.errorCode(page.body())).isEqualTo("invalid-request");
    }
}
