package dev.govid.simulator;

import static dev.govid.simulator.support.PvpRequests.BIRTHDATE;
import static dev.govid.simulator.support.PvpRequests.BPK;
import static dev.govid.simulator.support.PvpRequests.CCS_URL;
import static dev.govid.simulator.support.PvpRequests.EIDAS_LEVEL;
import static dev.govid.simulator.support.PvpRequests.EIDAS_URI;
import static dev.govid.simulator.support.PvpRequests.GIVEN_NAME;
import static dev.govid.simulator.support.PvpRequests.IDENTITY_STATUS_LEVEL;
import static dev.govid.simulator.support.PvpRequests.ISSUING_NATION;
import static dev.govid.simulator.support.PvpRequests.MAIL;
import static dev.govid.simulator.support.PvpRequests.MANDATE_FULL_MANDATE;
import static dev.govid.simulator.support.PvpRequests.MANDATE_REFERENCE_VALUE;
import static dev.govid.simulator.support.PvpRequests.MANDATE_TYPE;
import static dev.govid.simulator.support.PvpRequests.MANDATE_TYPE_OID;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_BIRTHDATE;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_BPK;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_FAMILY_NAME;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_GIVEN_NAME;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_LEGAL_FULL_NAME;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_LEGAL_SOURCE_PIN;
import static dev.govid.simulator.support.PvpRequests.MANDATOR_LEGAL_SOURCE_PIN_TYPE;
import static dev.govid.simulator.support.PvpRequests.PRINCIPAL_NAME;
import static dev.govid.simulator.support.PvpRequests.PROF_REP_DESCRIPTION;
import static dev.govid.simulator.support.PvpRequests.PROF_REP_OID;
import static dev.govid.simulator.support.PvpRequests.PVP_VERSION;
import static dev.govid.simulator.support.PvpRequests.QAA_LEVEL;
import static dev.govid.simulator.support.PvpRequests.SECCLASS;
import static dev.govid.simulator.support.PvpRequests.SECCLASS_URI;
import static dev.govid.simulator.support.PvpRequests.SECTOR_FOR_IDENTIFIER;
import static dev.govid.simulator.support.PvpRequests.requested;
import static dev.govid.simulator.support.PvpRequests.requestedAttributes;
import static dev.govid.simulator.support.SimulatorFixture.IDP;
import static dev.govid.simulator.support.SimulatorFixture.SP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import dev.govid.simulator.support.AuthnRequests;
import dev.govid.simulator.support.BrowserClient;
import dev.govid.simulator.support.PvpRequests;
import dev.govid.simulator.support.ResponseInspector;
import dev.govid.simulator.support.SimulatorFixture;
import dev.govid.simulator.support.TestServiceProvider;
import dev.govid.simulator.xml.SecureXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The PVP2 S-Profil / ID Austria mode on the wire, seen from a relying party. */
class PvpModeTest {
    static final String ANNA_BASE_ID = "jUmcUBrtsYAtQq3IC68mHw";
    static final String KARL_BASE_ID = "R1n4qwyVsFZwSr5ozLcTRw";
    static final String MARIA_BASE_ID = "cn6UB9UZFXVQxWVmEN9BDw";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SAML_STATUS = "urn:oasis:names:tc:SAML:2.0:status:";
    static final TestServiceProvider COMPANY_SP = TestServiceProvider.create("https://firma.example.test/sp");
    static final TestServiceProvider HEALTH_SP = TestServiceProvider.create("https://gesundheit.example.test/sp");

    private static Simulator sim;
    private static BrowserClient browser;

    @BeforeAll
    static void start() {
        sim = SimulatorFixture.start(b -> b.pvpSector(COMPANY_SP.entityId(), "XFN+468924i"));
        sim.trustSpMetadata(COMPANY_SP.metadataXml());
        sim.trustSpMetadata(HEALTH_SP.metadataXml());
        sim.setPvpSector(HEALTH_SP.entityId(), "GH");
        browser = new BrowserClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String bpk(String baseId, String sector) throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SHA-1").digest((baseId + "+" + sector).getBytes(StandardCharsets.UTF_8));
        return sector + ":" + Base64.getEncoder().encodeToString(digest);
    }

    private static String signed(
            TestServiceProvider sp,
            String id,
            String extensions,
            String authnContext,
            String nameIdFormat,
            boolean forceAuthn) {
        return AuthnRequests.signEnveloped(
                PvpRequests.xml(
                        id, sp.entityId(), sim.pvpSsoPostUrl(), extensions, authnContext, nameIdFormat, forceAuthn),
                sp);
    }

    private static String openPage(TestServiceProvider sp, String extensions, String authnContext) {
        return openPage(sp, AuthnRequests.newId(), extensions, authnContext, PvpRequests.PERSISTENT, false);
    }

    private static String openPage(
            TestServiceProvider sp,
            String id,
            String extensions,
            String authnContext,
            String nameIdFormat,
            boolean forceAuthn) {
        HttpResponse<String> page = browser.postPvpAuthnRequest(
                signed(sp, id, extensions, authnContext, nameIdFormat, forceAuthn), "relay-pvp");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static ResponseInspector login(String page, String persona, String loa, String fault) {
        HttpResponse<String> post = browser.pvpLogin(BrowserClient.transactionId(page), persona, loa, fault, "login");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        return new ResponseInspector(BrowserClient.samlResponseXml(post.body()));
    }

    /** Checks the Response signature with the JDK implementation, then decrypts with the SP key. */
    private static ResponseInspector successFor(
            TestServiceProvider sp, String extensions, String authnContext, String persona, String loa) {
        ResponseInspector response = login(openPage(sp, extensions, authnContext), persona, loa, "none");
        assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(response.statusCode()).isEqualTo(SAML_STATUS + "Success");
        assertThat(response.assertion()).as("assertion must be encrypted").isNull();
        response.decryptAssertion(sp.privateKey());
        return response;
    }

    private static String classRef(ResponseInspector response) {
        return response.text(ResponseInspector.SAML, "AuthnContextClassRef");
    }

    @Test
    void metadataDescribesThePvpIdentity() {
        HttpResponse<String> metadata = browser.get("/pvp/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(sim.pvpEntityId()).isEqualTo(sim.baseUrl() + "/pvp");
        assertThat(sim.pvpMetadataUrl()).isEqualTo(sim.baseUrl() + "/pvp/metadata");
        assertThat(sim.pvpSsoPostUrl()).isEqualTo(sim.baseUrl() + "/pvp/profile/SAML2/POST/SSO");
        assertThat(metadata.body())
                .contains("entityID=\"" + sim.pvpEntityId() + "\"")
                .contains("use=\"signing\"")
                .contains("<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
                        + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>")
                .contains("Location=\"" + sim.baseUrl() + "/pvp/profile/SAML2/POST/SSO\"")
                .contains("Location=\"" + sim.baseUrl() + "/pvp/profile/SAML2/Redirect/SSO\"");
    }

    @Test
    void signedRequestOpensTheLoginPage() {
        String page = openPage(SP, "", "");
        assertThat(page)
                .contains("ID Austria")
                .contains("action=\"/pvp/login\"")
                .contains(
                        "id=\"persona-anna\"",
                        "id=\"persona-anna-for-karl\"",
                        "id=\"persona-anna-for-company\"",
                        "id=\"persona-lawyer\"",
                        "id=\"persona-test-identity\"",
                        "id=\"persona-foreign\"")
                .contains("<label for=\"persona-anna\">")
                .contains(
                        "<label for=\"loa\">",
                        "<select name=\"loa\" id=\"loa\">",
                        "<option value=\"high\" selected>",
                        "<option value=\"substantial\"",
                        "<option value=\"low\"")
                .contains("<label for=\"fault\">", "<option value=\"none\" selected>", "value=\"understated-level\"")
                .contains("name=\"action\" value=\"login\"", "name=\"action\" value=\"cancel\"")
                .contains("<dd id=\"mandate-requested\">nein</dd>")
                .contains("<dd id=\"sector\">urn:publicid:gv.at:cdid+BF</dd>")
                .doesNotContain("id=\"force-authn\"");
        assertThat(BrowserClient.transactionId(page)).isNotBlank();
    }

    @Test
    void unsignedRequestIsRefusedLikeBundId() {
        String unsigned = PvpRequests.xml(AuthnRequests.newId(), SP.entityId(), sim.pvpSsoPostUrl(), "", "");
        HttpResponse<String> page = browser.postPvpAuthnRequest(unsigned, null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(BrowserClient.errorCode(page.body())).isEqualTo("saml-request-not-signed");
    }

    @Test
    void redirectBindingWorks() {
        String xml = PvpRequests.xml(AuthnRequests.newId(), SP.entityId(), sim.pvpSsoPostUrl(), "", "");
        String query = AuthnRequests.redirectQuery(xml, "rs", SP.privateKey(), RSA_SHA256);
        HttpResponse<String> page = browser.get("/pvp/profile/SAML2/Redirect/SSO?" + query);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"persona-anna\"");
    }

    @Test
    void defaultReleaseForAnna() throws Exception {
        String requestId = AuthnRequests.newId();
        String page = openPage(SP, requestId, "", "", PvpRequests.PERSISTENT, false);
        HttpResponse<String> post = browser.pvpLogin(BrowserClient.transactionId(page), "anna", null, "none", "login");
        assertThat(BrowserClient.formAction(post.body())).isEqualTo(TestServiceProvider.ACS_URL);
        assertThat(BrowserClient.relayState(post.body())).isEqualTo("relay-pvp");
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(post.body()));
        assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(response.signatureMethod()).isEqualTo(RSA_SHA256);
        Element root = response.response();
        assertThat(root.getAttribute("InResponseTo")).isEqualTo(requestId);
        assertThat(root.getAttribute("Destination")).isEqualTo(TestServiceProvider.ACS_URL);
        assertThat(response.text(ResponseInspector.SAML, "Issuer")).isEqualTo(sim.pvpEntityId());
        response.decryptAssertion(SP.privateKey());

        assertThat(response.text(ResponseInspector.SAML, "Audience")).isEqualTo(SP.entityId());
        Element confirmation = response.first(ResponseInspector.SAML, "SubjectConfirmationData");
        assertThat(confirmation.getAttribute("Recipient")).isEqualTo(TestServiceProvider.ACS_URL);
        assertThat(confirmation.getAttribute("InResponseTo")).isEqualTo(requestId);
        Element nameId = response.first(ResponseInspector.SAML, "NameID");
        assertThat(nameId.getAttribute("Format")).isEqualTo(PvpRequests.PERSISTENT);
        assertThat(classRef(response)).isEqualTo(EIDAS_URI + "high");

        Map<String, String> attributes = response.attributes();
        assertThat(attributes.keySet())
                .containsExactly(
                        PVP_VERSION,
                        SECCLASS,
                        QAA_LEVEL,
                        EIDAS_LEVEL,
                        BPK,
                        SECTOR_FOR_IDENTIFIER,
                        GIVEN_NAME,
                        PRINCIPAL_NAME,
                        BIRTHDATE,
                        MAIL,
                        ISSUING_NATION,
                        CCS_URL);
        assertThat(attributes)
                .containsEntry(PVP_VERSION, "2.2")
                .containsEntry(SECCLASS, "3")
                .containsEntry(QAA_LEVEL, "STORK-QAA-Level-4")
                .containsEntry(EIDAS_LEVEL, EIDAS_URI + "high")
                .containsEntry(BPK, bpk(ANNA_BASE_ID, "BF"))
                .containsEntry(SECTOR_FOR_IDENTIFIER, "urn:publicid:gv.at:cdid+BF")
                .containsEntry(GIVEN_NAME, "Anna")
                .containsEntry(PRINCIPAL_NAME, "Huber")
                .containsEntry(BIRTHDATE, "1980-02-29")
                .containsEntry(MAIL, "anna.huber@example.at")
                .containsEntry(ISSUING_NATION, "AT")
                .containsEntry(CCS_URL, "https://eid.simulator.test/ccs");
        Element bpkAttribute = response.first(ResponseInspector.SAML, "Attribute");
        assertThat(bpkAttribute.getAttribute("NameFormat"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
        assertThat(bpkAttribute.getAttribute("FriendlyName")).isEqualTo("PVP-VERSION");
        assertThat(response.assertion().hasAttributeNS(ResponseInspector.AKDB, "TrustLevel"))
                .isFalse();

        String firstNameId = nameId.getTextContent();
        ResponseInspector again = successFor(SP, "", "", "anna", null);
        assertThat(again.first(ResponseInspector.SAML, "NameID").getTextContent())
                .as("persistent NameID is stable per person and SP")
                .isEqualTo(firstNameId);
        assertThat(successFor(COMPANY_SP, "", "", "anna", null)
                        .first(ResponseInspector.SAML, "NameID")
                        .getTextContent())
                .as("and differs between SPs")
                .isNotEqualTo(firstNameId);
        assertThat(sim.lastResponse())
                .hasValueSatisfying(r -> assertThat(r.spEntityId()).isEqualTo(COMPANY_SP.entityId()));
    }

    @ParameterizedTest
    @CsvSource({
        "anna,             Anna,       Huber,      AT, high",
        "anna-for-karl,    Anna,       Huber,      AT, high",
        "anna-for-company, Anna,       Huber,      AT, high",
        "lawyer,           Paul,       Berger,     AT, high",
        "test-identity,    Testperson, ID Austria, AT, high",
        "foreign,          Jan,        de Vries,   NL, substantial"
    })
    void everyPersonaGetsAVerifiableEncryptedAssertion(
            String persona, String given, String family, String nation, String level) {
        ResponseInspector response = successFor(SP, "", "", persona, null);
        assertThat(classRef(response)).isEqualTo(EIDAS_URI + level);
        assertThat(response.attributes())
                .containsEntry(GIVEN_NAME, given)
                .containsEntry(PRINCIPAL_NAME, family)
                .containsEntry(ISSUING_NATION, nation)
                .containsKey(BPK)
                .doesNotContainKeys(MANDATE_TYPE, MANDATOR_BPK, MANDATOR_LEGAL_FULL_NAME, PROF_REP_OID);
        assertThat(response.attributes().get(BPK)).startsWith("BF:").hasSize(3 + 28);
        assertThat(sim.lastResponse()).hasValueSatisfying(r -> {
            assertThat(r.assertionXml()).contains(family);
            assertThat(r.forceAuthn()).isFalse();
        });
    }

    @ParameterizedTest
    @CsvSource({
        "minimum, http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-2, high,        http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-3, 3",
        "minimum, http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0,   low,         http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-1, 1",
        "exact,   http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-2, high,        http://www.ref.gv.at/ns/names/agiz/pvp/secclass/0-2, 2",
        "minimum, STORK-QAA-Level-3,                                    high,        STORK-QAA-Level-4,                                    3",
        "exact,   STORK-QAA-Level-3,                                    substantial, STORK-QAA-Level-3,                                    2",
        "minimum, http://eidas.europa.eu/LoA/substantial,               substantial, http://eidas.europa.eu/LoA/substantial,               2",
        "exact,   http://eidas.europa.eu/LoA/low,                       high,        http://eidas.europa.eu/LoA/low,                       1"
    })
    void levelIsAnsweredInTheRequestsVocabulary(
            String comparison, String requested, String loa, String expected, String secclass) {
        ResponseInspector response = successFor(SP, "", PvpRequests.authnContext(comparison, requested), "anna", loa);
        assertThat(classRef(response)).isEqualTo(expected);
        assertThat(response.attributes())
                .containsEntry(SECCLASS, secclass)
                .containsEntry(QAA_LEVEL, "STORK-QAA-Level-" + (Integer.parseInt(secclass) + 1));
    }

    @Test
    void levelAboveTheLoginIsNoAuthnContext() {
        ResponseInspector foreign = login(
                openPage(SP, "", PvpRequests.authnContext("minimum", EIDAS_URI + "high")), "foreign", "high", "none");
        assertThat(foreign.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(foreign.statusCode()).isEqualTo(SAML_STATUS + "Responder");
        assertThat(foreign.nestedStatusCode()).isEqualTo(SAML_STATUS + "NoAuthnContext");
        assertThat(foreign.encryptedData()).isNull();

        ResponseInspector lowLogin = login(
                openPage(SP, "", PvpRequests.authnContext("minimum", SECCLASS_URI + "0-2")), "anna", "low", "none");
        assertThat(lowLogin.nestedStatusCode()).isEqualTo(SAML_STATUS + "NoAuthnContext");
        assertThat(lowLogin.statusMessage()).contains(SECCLASS_URI + "0-1");
    }

    @Test
    void mandateAttributesForANaturalMandator() throws Exception {
        String page = openPage(SP, PvpRequests.withMandate(), "");
        assertThat(page).contains("<dd id=\"mandate-requested\">ja</dd>");
        ResponseInspector response = login(page, "anna-for-karl", null, "none");
        response.decryptAssertion(SP.privateKey());
        Map<String, String> attributes = response.attributes();
        assertThat(attributes.keySet()).startsWith(PVP_VERSION).doesNotContain(MANDATOR_LEGAL_FULL_NAME, PROF_REP_OID);
        assertThat(attributes)
                .containsEntry(BPK, bpk(ANNA_BASE_ID, "BF"))
                .containsEntry(GIVEN_NAME, "Anna")
                .containsEntry(MANDATE_TYPE, "GeneralvollmachtBilateral")
                .containsEntry(MANDATE_TYPE_OID, "1.2.40.0.10.1.8.1.1")
                .containsEntry(MANDATE_REFERENCE_VALUE, "MVR-2026-000123")
                .containsEntry(MANDATOR_GIVEN_NAME, "Karl")
                .containsEntry(MANDATOR_FAMILY_NAME, "Huber")
                .containsEntry(MANDATOR_BIRTHDATE, "1950-06-15")
                .containsEntry(MANDATOR_BPK, bpk(KARL_BASE_ID, "BF"));

        Document mandate = SecureXml.parse(Base64.getDecoder().decode(attributes.get(MANDATE_FULL_MANDATE)));
        String md = "http://reference.e-government.gv.at/namespace/mandates/20040701#";
        String pr = "http://reference.e-government.gv.at/namespace/persondata/20020228#";
        assertThat(mandate.getDocumentElement().getLocalName()).isEqualTo("Mandate");
        assertThat(mandate.getDocumentElement().getNamespaceURI()).isEqualTo(md);
        assertThat(mandate.getDocumentElement().getAttribute("MandateID")).isEqualTo("MVR-2026-000123");
        assertThat(text(mandate, md, "ValidFrom")).isEqualTo("2026-01-01");
        assertThat(text(mandate, md, "ValidTo")).isEqualTo("2027-12-31");
        assertThat(text(mandate, md, "MandateType")).isEqualTo("GeneralvollmachtBilateral");
        Element mandator =
                (Element) mandate.getElementsByTagNameNS(md, "Mandator").item(0);
        assertThat(mandator.getElementsByTagNameNS(pr, "GivenName").item(0).getTextContent())
                .isEqualTo("Karl");
        Element representative =
                (Element) mandate.getElementsByTagNameNS(md, "Representative").item(0);
        assertThat(representative
                        .getElementsByTagNameNS(pr, "GivenName")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Anna");
    }

    @Test
    void mandateAttributesForALegalMandator() {
        ResponseInspector response = successFor(SP, PvpRequests.withMandate(), "", "anna-for-company", null);
        assertThat(response.attributes())
                .containsEntry(MANDATE_TYPE, "Vertretungsbefugnis")
                .containsEntry(MANDATOR_LEGAL_FULL_NAME, "Musterfirma GmbH")
                .containsEntry(MANDATOR_LEGAL_SOURCE_PIN, "123456a")
                .containsEntry(MANDATOR_LEGAL_SOURCE_PIN_TYPE, "urn:publicid:gv.at:baseid+XFN")
                .doesNotContainKeys(MANDATOR_GIVEN_NAME, MANDATOR_BPK, PROF_REP_OID);
    }

    @Test
    void professionalRepresentative() throws Exception {
        ResponseInspector response = successFor(SP, PvpRequests.withMandate(), "", "lawyer", null);
        assertThat(response.attributes())
                .containsEntry(GIVEN_NAME, "Paul")
                .containsEntry(PRINCIPAL_NAME, "Berger")
                .containsEntry(MANDATE_TYPE, "ProfessionalRepresentative")
                .containsEntry(PROF_REP_OID, "1.2.40.0.10.3.1")
                .containsEntry(PROF_REP_DESCRIPTION, "Rechtsanwalt")
                .containsEntry(MANDATOR_GIVEN_NAME, "Maria")
                .containsEntry(MANDATOR_FAMILY_NAME, "Schmidt")
                .containsEntry(MANDATOR_BIRTHDATE, "1975-11-03")
                .containsEntry(MANDATOR_BPK, bpk(MARIA_BASE_ID, "BF"));
    }

    @Test
    void mandatePersonaActsForThemselfWhenNoMandateWasRequested() throws Exception {
        ResponseInspector byDefault = successFor(SP, "", "", "anna-for-karl", null);
        assertThat(byDefault.attributes())
                .containsEntry(BPK, bpk(ANNA_BASE_ID, "BF"))
                .doesNotContainKeys(MANDATE_TYPE, MANDATE_FULL_MANDATE, MANDATOR_BPK);

        String withoutMandateType = requestedAttributes(
                requested(BPK, true), requested(MANDATOR_BPK, false), requested(MANDATE_REFERENCE_VALUE, false));
        ResponseInspector explicit = successFor(SP, withoutMandateType, "", "anna-for-karl", null);
        assertThat(explicit.attributes().keySet()).containsExactly(PVP_VERSION, BPK);
    }

    @Test
    void exactlyTheRequestedAttributesPlusVersion() throws Exception {
        String extensions = requestedAttributes(
                requested(BPK, true),
                requested(GIVEN_NAME, true),
                requested(MAIL, false),
                requested("urn:oid:1.2.40.0.10.2.1.1.261.22", false));
        ResponseInspector foreign = successFor(SP, extensions, "", "foreign", null);
        assertThat(foreign.attributes().keySet()).containsExactly(PVP_VERSION, BPK, GIVEN_NAME);
        assertThat(foreign.attributes()).containsEntry(BPK, bpk("DXUPa+vxA0Rz3pr/X7vGjw", "BF"));
    }

    @Test
    void missingRequiredAttributeIsRequestDenied() {
        String mandateRequired = requestedAttributes(requested(BPK, true), requested(MANDATE_TYPE, true));
        ResponseInspector anna = login(openPage(SP, mandateRequired, ""), "anna", null, "none");
        assertThat(anna.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(anna.statusCode()).isEqualTo(SAML_STATUS + "Responder");
        assertThat(anna.nestedStatusCode()).isEqualTo(SAML_STATUS + "RequestDenied");
        assertThat(anna.statusMessage()).contains(MANDATE_TYPE);
        assertThat(anna.encryptedData()).isNull();

        String mailRequired = requestedAttributes(requested(BPK, true), requested(MAIL, true));
        ResponseInspector foreign = login(openPage(SP, mailRequired, ""), "foreign", null, "none");
        assertThat(foreign.nestedStatusCode()).isEqualTo(SAML_STATUS + "RequestDenied");
    }

    @Test
    void sectorIsChosenPerSp() throws Exception {
        ResponseInspector company = successFor(COMPANY_SP, "", "", "anna", null);
        assertThat(company.attributes())
                .containsEntry(BPK, bpk(ANNA_BASE_ID, "XFN+468924i"))
                .containsEntry(SECTOR_FOR_IDENTIFIER, "urn:publicid:gv.at:wbpk+XFN+468924i");

        ResponseInspector health = successFor(HEALTH_SP, PvpRequests.withMandate(), "", "anna-for-karl", null);
        assertThat(health.attributes())
                .containsEntry(BPK, bpk(ANNA_BASE_ID, "GH"))
                .containsEntry(MANDATOR_BPK, bpk(KARL_BASE_ID, "GH"));
        assertThat(successFor(HEALTH_SP, "", "", "anna", null).attributes())
                .containsEntry(SECTOR_FOR_IDENTIFIER, "urn:publicid:gv.at:cdid+GH");
        assertThat(sim.pvpSectorOf(SP.entityId())).isEqualTo("BF");
        assertThat(sim.pvpSectorOf(COMPANY_SP.entityId())).isEqualTo("XFN+468924i");
    }

    @Test
    void testIdentityIsMarked() {
        assertThat(successFor(SP, "", "", "test-identity", null).attributes())
                .containsEntry(IDENTITY_STATUS_LEVEL, "http://eid.gv.at/eID/status/testidentity");
        assertThat(successFor(SP, "", "", "anna", null).attributes()).doesNotContainKey(IDENTITY_STATUS_LEVEL);
    }

    @Test
    void forceAuthnIsSeen() {
        String page = openPage(SP, AuthnRequests.newId(), "", "", PvpRequests.PERSISTENT, true);
        assertThat(page).contains("Erneute Anmeldung verlangt").contains("<dd id=\"force-authn-requested\">ja</dd>");
        String tx = BrowserClient.transactionId(page);
        browser.pvpLogin(tx, "anna", null, "none", "login");
        assertThat(sim.lastResponse(tx)).hasValueSatisfying(r -> {
            assertThat(r.forceAuthn()).isTrue();
            assertThat(r.statusCode()).isEqualTo(SAML_STATUS + "Success");
        });
    }

    @Test
    void transientNameIdOnRequest() {
        String page = openPage(SP, AuthnRequests.newId(), "", "", PvpRequests.TRANSIENT, false);
        ResponseInspector response = login(page, "anna", null, "none");
        response.decryptAssertion(SP.privateKey());
        assertThat(response.first(ResponseInspector.SAML, "NameID").getAttribute("Format"))
                .isEqualTo(PvpRequests.TRANSIENT);
    }

    @Test
    void unsupportedNameIdFormatIsInvalidNameIdPolicy() {
        HttpResponse<String> post = browser.postPvpAuthnRequest(
                signed(
                        SP,
                        AuthnRequests.newId(),
                        "",
                        "",
                        "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
                        false),
                null);
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(post.body()));
        assertThat(response.statusCode()).isEqualTo(SAML_STATUS + "Requester");
        assertThat(response.nestedStatusCode()).isEqualTo(SAML_STATUS + "InvalidNameIDPolicy");
    }

    @Test
    void cancelIsAuthnFailed() {
        HttpResponse<String> post =
                browser.pvpLogin(BrowserClient.transactionId(openPage(SP, "", "")), "anna", null, "none", "cancel");
        ResponseInspector response = new ResponseInspector(BrowserClient.samlResponseXml(post.body()));
        assertThat(response.responseSignatureValid(IDP.certificate())).isTrue();
        assertThat(response.statusCode()).isEqualTo(SAML_STATUS + "Responder");
        assertThat(response.nestedStatusCode()).isEqualTo(SAML_STATUS + "AuthnFailed");
        assertThat(response.text(ResponseInspector.SAML, "Issuer")).isEqualTo(sim.pvpEntityId());
    }

    @Test
    void pvpTransactionsAreSeparateFromBundIdOnes() {
        String tx = BrowserClient.transactionId(openPage(SP, "", ""));
        HttpResponse<String> viaBundIdForm = browser.login(tx, "erika", null, "none", "login");
        assertThat(BrowserClient.errorCode(viaBundIdForm.body())).isEqualTo("unknown-transaction");
        assertThat(browser.pvpLogin(tx, "anna", null, "none", "login").statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = browser.pvpLogin(tx, "anna", null, "none", "login");
        assertThat(BrowserClient.errorCode(replay.body())).isEqualTo("unknown-transaction");
    }

    @Test
    void unknownPersonaAndLevelAreErrors() {
        assertThat(BrowserClient.errorCode(browser.pvpLogin(
                                BrowserClient.transactionId(openPage(SP, "", "")), "erika", null, "none", "login")
                        .body()))
                .isEqualTo("unknown-persona");
        assertThat(BrowserClient.errorCode(browser.pvpLogin(
                                BrowserClient.transactionId(openPage(SP, "", "")), "anna", "extreme", "none", "login")
                        .body()))
                .isEqualTo("unknown-level");
    }

    private static String text(Document doc, String ns, String localName) {
        return doc.getElementsByTagNameNS(ns, localName).item(0).getTextContent();
    }
}
