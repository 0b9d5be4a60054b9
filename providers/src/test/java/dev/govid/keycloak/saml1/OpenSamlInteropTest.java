package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.DefaultBootstrap;
import org.opensaml.saml1.core.Assertion;
import org.opensaml.saml1.core.Attribute;
import org.opensaml.saml1.core.AttributeStatement;
import org.opensaml.saml1.core.Response;
import org.opensaml.saml1.core.StatusCode;
import org.opensaml.security.SAMLSignatureProfileValidator;
import org.opensaml.xml.Configuration;
import org.opensaml.xml.XMLObject;
import org.opensaml.xml.parse.BasicParserPool;
import org.opensaml.xml.schema.XSAny;
import org.opensaml.xml.security.x509.BasicX509Credential;
import org.opensaml.xml.signature.Signature;
import org.opensaml.xml.signature.SignatureValidator;
import org.opensaml.xml.validation.ValidationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads what we send with OpenSAML 2.6 (an independent SAML 1.x implementation, test scope only): it must
 * unmarshal as a SAML1 {@code Response}, expose the MOA-ID content, and its signature must verify with our
 * certificate and fail once a byte of the assertion changes.
 */
class OpenSamlInteropTest {

    private static BasicParserPool parserPool;

    @BeforeAll
    static void bootstrapOpenSaml() throws Exception {
        DefaultBootstrap.bootstrap();
        parserPool = new BasicParserPool();
        parserPool.setNamespaceAware(true);
    }

    /** As Keycloak delivers it: the assertion signed and serialized at login, spliced into the answer at resolution. */
    private static String signedResponse(AuthenticationData data, Saml1ClientFlags flags) {
        String assertion = Saml1Responses.assertionXml(
                Saml1TestData.builder(),
                data,
                flags,
                MapperOutput.none(),
                new Saml1Signer(TestCredentials.PRIVATE_KEY, TestCredentials.CERTIFICATE));
        return Saml1Responses.success("req-42", flags.minorVersion(), assertion);
    }

    private static Response unmarshal(String xml) throws Exception {
        Document document = parserPool.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element response = (Element)
                document.getElementsByTagNameNS(Saml1Xml.SAMLP_NS, "Response").item(0);
        return (Response)
                Configuration.getUnmarshallerFactory().getUnmarshaller(response).unmarshall(response);
    }

    /**
     * Profile check plus cryptographic check. SAML 1.0 did not type AssertionID as xsd:ID, so OpenSAML only
     * marks it as an ID for 1.1 assertions; a 1.0 verifier (MOA-ID's default version) registers it itself.
     */
    private static void verify(Assertion assertion, X509Certificate certificate) throws ValidationException {
        if (assertion.getMinorVersion() == 0) {
            assertion.getDOM().setIdAttributeNS(null, "AssertionID", true);
        }
        Signature signature = assertion.getSignature();
        new SAMLSignatureProfileValidator().validate(signature);
        BasicX509Credential credential = new BasicX509Credential();
        credential.setEntityCertificate(certificate);
        new SignatureValidator(credential).validate(signature);
    }

    private static Optional<XSAny> child(XMLObject parent, String localName) {
        List<XMLObject> children = parent.getOrderedChildren();
        return children == null
                ? Optional.empty()
                : children.stream()
                        .filter(c -> c.getElementQName().getLocalPart().equals(localName))
                        .map(XSAny.class::cast)
                        .findFirst();
    }

    private static String text(XMLObject parent, String... path) {
        XMLObject current = parent;
        for (String step : path) {
            current = child(current, step).orElseThrow(() -> new AssertionError("missing " + step));
        }
        return ((XSAny) current).getTextContent();
    }

    @ParameterizedTest(name = "MinorVersion {0}")
    @ValueSource(ints = {0, 1})
    void openSamlReadsOurResponseAndVerifiesTheSignature(int minorVersion) throws Exception {
        Response response =
                unmarshal(signedResponse(Saml1TestData.publicSector(), Saml1TestData.flags(false, minorVersion)));

        assertThat(response.getInResponseTo()).isEqualTo("req-42");
        assertThat(response.getMinorVersion()).isEqualTo(minorVersion);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getAssertions()).hasSize(1);
        Assertion assertion = response.getAssertions().get(0);
        assertThat(assertion.getIssuer()).isEqualTo(Saml1TestData.ISSUER);
        assertThat(assertion.getMinorVersion()).isEqualTo(minorVersion);
        assertThat(assertion.isSigned()).isTrue();

        verify(assertion, TestCredentials.CERTIFICATE);
    }

    @Test
    void openSamlSeesTheNameIdentifierAttributesAndPrPerson() throws Exception {
        Response response = unmarshal(signedResponse(Saml1TestData.publicSector(), Saml1TestData.flags(true, 0)));

        AttributeStatement statement =
                response.getAssertions().get(0).getAttributeStatements().get(0);
        assertThat(statement.getSubject().getNameIdentifier().getNameIdentifier())
                .isEqualTo(Saml1TestData.BPK);
        assertThat(statement.getSubject().getNameIdentifier().getNameQualifier())
                .isEqualTo(Saml1TestData.BPK_TYPE);
        assertThat(statement
                        .getSubject()
                        .getSubjectConfirmation()
                        .getConfirmationMethods()
                        .get(0)
                        .getConfirmationMethod())
                .isEqualTo("urn:oasis:names:tc:SAML:1.0:cm:artifact-01");
        assertThat(statement.getAttributes())
                .extracting(Attribute::getAttributeName)
                .containsExactly(
                        "PersonData",
                        "isQualifiedCertificate",
                        "bkuURL",
                        "EID-ISSUING-NATION",
                        "SignerCertificate",
                        "EID-ONLINE-IDENTITY-LINK");
        assertThat(statement.getAttributes().get(0).getAttributeNamespace()).isEqualTo(Saml1Xml.PERSONDATA_NS);

        XMLObject person = child(
                        statement.getAttributes().get(0).getAttributeValues().get(0), "Person")
                .orElseThrow();
        assertThat(person.getElementQName()).isEqualTo(new QName(Saml1Xml.PERSONDATA_NS, "Person"));
        assertThat(person.getSchemaType()).isEqualTo(new QName(Saml1Xml.PERSONDATA_NS, "PhysicalPersonType"));
        assertThat(text(person, "Identification", "Value"))
                .as("base ID, transmitted with all flags on")
                .isEqualTo(Saml1TestData.BASE_ID);
        assertThat(text(person, "Identification", "Type")).isEqualTo("urn:publicid:gv.at:baseid");
        assertThat(text(person, "Name", "GivenName")).isEqualTo("Max");
        assertThat(text(person, "Name", "FamilyName")).isEqualTo("Mustermann");
        assertThat(text(person, "DateOfBirth")).isEqualTo("1940-01-01");
        assertThat(((XSAny) statement
                                .getAttributes()
                                .get(1)
                                .getAttributeValues()
                                .get(0))
                        .getTextContent())
                .isEqualTo("true");
    }

    @Test
    void openSamlReadsAndVerifiesAMandateResponseWithTheDeliveredMandate() throws Exception {
        AuthenticationData data =
                Saml1TestData.person().mandate(Saml1TestData.legalMandator()).build();

        Response response = unmarshal(signedResponse(data, Saml1TestData.flags(true, 0)));

        Assertion assertion = response.getAssertions().get(0);
        Attribute mandate = assertion.getAttributeStatements().get(0).getAttributes().stream()
                .filter(a -> a.getAttributeName().equals("Mandate"))
                .findFirst()
                .orElseThrow();
        assertThat(mandate.getAttributeNamespace()).isEqualTo(Saml1Xml.MANDATES_NS);
        XMLObject md = child(mandate.getAttributeValues().get(0), "Mandate").orElseThrow();
        assertThat(((XSAny) md).getUnknownAttributes().get(new QName("MandateID")))
                .isEqualTo("m-4711");
        verify(assertion, TestCredentials.CERTIFICATE);
    }

    @Test
    void theSignatureIsTheAssertionsLastChild() {
        Document response = Saml1TestData.builder()
                .successResponse("r", Saml1TestData.publicSector(), Saml1TestData.flags(true, 0), List.of());
        new Saml1Signer(TestCredentials.PRIVATE_KEY, TestCredentials.CERTIFICATE).signAssertion(response);

        Element assertion = Saml1AssertionBuilder.assertionOf(response);
        org.w3c.dom.Node last = assertion.getLastChild();
        assertThat(last.getNamespaceURI()).isEqualTo(Saml1Xml.DSIG_NS);
        assertThat(last.getLocalName()).isEqualTo("Signature");
        assertThat(Saml1Xml.toXmlString(response))
                .doesNotContain("&#13;")
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope");
    }

    @ParameterizedTest(name = "MinorVersion {0}")
    @ValueSource(ints = {0, 1})
    void aTamperedAssertionFailsVerification(int minorVersion) throws Exception {
        String xml = signedResponse(Saml1TestData.publicSector(), Saml1TestData.flags(false, minorVersion));
        String tampered = xml.replaceFirst(">Max<", ">Moritz<");
        assertThat(tampered).isNotEqualTo(xml);

        Assertion assertion = unmarshal(tampered).getAssertions().get(0);

        assertThatThrownBy(() -> verify(assertion, TestCredentials.CERTIFICATE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("did not validate");
    }

    @Test
    void anotherCertificateFailsVerification() throws Exception {
        Assertion assertion = unmarshal(signedResponse(Saml1TestData.publicSector(), Saml1TestData.flags(false, 0)))
                .getAssertions()
                .get(0);

        assertThatThrownBy(() -> verify(assertion, TestCredentials.OTHER_CERTIFICATE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("did not validate");
    }

    @Test
    void openSamlReadsTheErrorResponseWithNestedMoaCode() throws Exception {
        Document error = Saml1TestData.builder().errorResponse("req-7", 0, MoaStatus.ARTIFACT_UNKNOWN);

        Response response = unmarshal(Saml1Xml.toXmlString(error));

        assertThat(response.getInResponseTo()).isEqualTo("req-7");
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.REQUESTER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue())
                .isEqualTo(new QName(Saml1Xml.MOA_NS, "E1100"));
        assertThat(response.getStatus().getStatusMessage().getMessage()).isEqualTo("1100: Ungültige MOA SessionID");
        assertThat(response.getAssertions()).isEmpty();
    }
}
