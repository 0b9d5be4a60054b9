package dev.govid.keycloak.saml1;

import static dev.govid.keycloak.saml1.Saml1TestData.AUTH_BLOCK;
import static dev.govid.keycloak.saml1.Saml1TestData.BASE_ID;
import static dev.govid.keycloak.saml1.Saml1TestData.BPK;
import static dev.govid.keycloak.saml1.Saml1TestData.BPK_TYPE;
import static dev.govid.keycloak.saml1.Saml1TestData.IDENTITY_LINK;
import static dev.govid.keycloak.saml1.Saml1TestData.ISSUER;
import static dev.govid.keycloak.saml1.Saml1TestData.SIGNER_CERT;
import static dev.govid.keycloak.saml1.Saml1TestData.WBPK_TYPE;
import static dev.govid.keycloak.saml1.Saml1TestData.builder;
import static dev.govid.keycloak.saml1.Saml1TestData.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Saml1AssertionBuilderTest {

    private static final List<String> ALWAYS =
            List.of("PersonData", "isQualifiedCertificate", "bkuURL", "EID-ISSUING-NATION");

    private static XmlProbe success(AuthenticationData data, Saml1ClientFlags flags) {
        return XmlProbe.of(builder().successResponse("req-1", data, flags, List.of()));
    }

    @Test
    void successResponseHasMoaIdsEnvelopeStatusAndAssertionHeader() {
        XmlProbe xml = success(Saml1TestData.publicSector(), flags(false, 0));

        String response = "/s:Envelope/s:Body/p:Response";
        assertThat(xml.text(response + "/@InResponseTo")).isEqualTo("req-1");
        assertThat(xml.text(response + "/@ResponseID")).matches("_[0-9a-f]{40}");
        assertThat(xml.text(response + "/@MajorVersion")).isEqualTo("1");
        assertThat(xml.text(response + "/@MinorVersion")).isEqualTo("0");
        assertThat(xml.text(response + "/@IssueInstant")).isEqualTo("2025-03-04T10:15:30.123Z");
        assertThat(xml.text(response + "/p:Status/p:StatusCode/@Value")).isEqualTo("samlp:Success");
        assertThat(xml.namespaceAt(response + "/p:Status/p:StatusCode", "samlp"))
                .isEqualTo(Saml1Xml.SAMLP_NS);
        assertThat(xml.count(response + "/a:Assertion")).isEqualTo(1);

        String assertion = response + "/a:Assertion";
        assertThat(xml.text(assertion + "/@Issuer")).isEqualTo(ISSUER);
        assertThat(xml.text(assertion + "/@AssertionID"))
                .matches("_[0-9a-f]{40}")
                .isNotEqualTo(xml.text(response + "/@ResponseID"));
        assertThat(xml.text(assertion + "/@MajorVersion")).isEqualTo("1");
        assertThat(xml.text(assertion + "/@MinorVersion")).isEqualTo("0");
        assertThat(xml.text(assertion + "/@IssueInstant")).isEqualTo("2025-03-04T10:15:30.123Z");
        assertThat(xml.count(assertion + "/a:Conditions")).isZero();
    }

    @Test
    void subjectIsTheBpkWithItsTypeAndArtifactConfirmation() {
        XmlProbe xml = success(Saml1TestData.publicSector(), flags(false, 0));

        String subject = "//a:Assertion/a:AttributeStatement/a:Subject";
        assertThat(xml.text(subject + "/a:NameIdentifier")).isEqualTo(BPK);
        assertThat(xml.text(subject + "/a:NameIdentifier/@NameQualifier")).isEqualTo(BPK_TYPE);
        assertThat(xml.text(subject + "/a:SubjectConfirmation/a:ConfirmationMethod"))
                .as("SAML 1.0's name for the artifact method in a MinorVersion 0 assertion")
                .isEqualTo("urn:oasis:names:tc:SAML:1.0:cm:artifact-01");
        assertThat(xml.count(subject + "/a:SubjectConfirmation/a:SubjectConfirmationData"))
                .isZero();
        assertThat(success(Saml1TestData.publicSector(), flags(false, 1))
                        .text(subject + "/a:SubjectConfirmation/a:ConfirmationMethod"))
                .as("SAML 1.1's name in a MinorVersion 1 assertion")
                .isEqualTo("urn:oasis:names:tc:SAML:1.0:cm:artifact");
    }

    @Test
    void personDataCarriesPrPersonAsMoaIdSentIt() {
        XmlProbe xml = success(Saml1TestData.publicSector(), flags(false, 0));

        assertThat(xml.text("//a:Attribute[@AttributeName='PersonData']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.PERSONDATA_NS);
        String person = "//a:Attribute[@AttributeName='PersonData']/a:AttributeValue/pr:Person";
        assertThat(xml.count(person)).isEqualTo(1);
        assertThat(xml.text(person + "/@xsi:type")).isEqualTo("pr:PhysicalPersonType");
        assertThat(xml.namespaceAt(person, "pr")).isEqualTo(Saml1Xml.PERSONDATA_NS);
        assertThat(xml.count(person + "/pr:Identification")).isEqualTo(1);
        assertThat(xml.count(person + "/pr:Identification/pr:Value"))
                .as("present")
                .isEqualTo(1);
        assertThat(xml.text(person + "/pr:Identification/pr:Value"))
                .as("empty: base ID not transmitted")
                .isEmpty();
        assertThat(xml.text(person + "/pr:Identification/pr:Type")).isEqualTo("urn:publicid:gv.at:baseid");
        assertThat(xml.text(person + "/pr:Name/pr:GivenName")).isEqualTo("Max");
        assertThat(xml.text(person + "/pr:Name/pr:FamilyName")).isEqualTo("Mustermann");
        assertThat(xml.text(person + "/pr:DateOfBirth")).isEqualTo("1940-01-01");
    }

    @Test
    void withAllFlagsOffOnlyTheAlwaysSentAttributesAppear() {
        XmlProbe xml = success(Saml1TestData.publicSector(), flags(false, 0));

        assertThat(xml.attributeNames()).containsExactlyElementsOf(ALWAYS);
        assertThat(xml.attributeValue("isQualifiedCertificate")).isEqualTo("true");
        assertThat(xml.text("//a:Attribute[@AttributeName='isQualifiedCertificate']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.MOA_NS);
        assertThat(xml.attributeValue("bkuURL")).isEqualTo("https://eid.oesterreich.gv.at/");
        assertThat(xml.text("//a:Attribute[@AttributeName='bkuURL']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.MOA_NS);
        assertThat(xml.attributeValue("EID-ISSUING-NATION")).isEqualTo("AT");
        assertThat(xml.text("//a:Attribute[@AttributeName='EID-ISSUING-NATION']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.PERSONDATA_NS);
    }

    @Test
    void withAllFlagsOnPublicSectorGetsEverything() {
        XmlProbe xml = success(Saml1TestData.publicSector(), flags(true, 0));

        assertThat(xml.attributeNames())
                .containsExactly(
                        "PersonData",
                        "isQualifiedCertificate",
                        "bkuURL",
                        "EID-ISSUING-NATION",
                        "SignerCertificate",
                        "EID-ONLINE-IDENTITY-LINK");
        assertThat(xml.attributeValue("SignerCertificate")).isEqualTo(SIGNER_CERT);
        assertThat(xml.text("//a:Attribute[@AttributeName='SignerCertificate']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.MOA_NS);
        assertThat(xml.attributeValue("EID-ONLINE-IDENTITY-LINK")).isEqualTo(IDENTITY_LINK);
        assertThat(xml.text("//a:SubjectConfirmation/a:SubjectConfirmationData"))
                .isEqualTo(AUTH_BLOCK);
        assertThat(xml.count("//pr:Person/pr:Identification")).isEqualTo(1);
        assertThat(xml.text("//pr:Person/pr:Identification/pr:Value")).isEqualTo(BASE_ID);
        assertThat(xml.text("//pr:Person/pr:Identification/pr:Type")).isEqualTo("urn:publicid:gv.at:baseid");
    }

    static Stream<Arguments> singleFlags() {
        return Stream.of(
                Arguments.of("baseId", new Saml1ClientFlags(true, false, false, false, false, 0), (Function<
                                XmlProbe, Integer>)
                        x -> x.count("//pr:Person/pr:Identification[pr:Value='" + BASE_ID + "']")),
                Arguments.of("authBlock", new Saml1ClientFlags(false, true, false, false, false, 0), (Function<
                                XmlProbe, Integer>)
                        x -> x.count("//a:SubjectConfirmationData")),
                Arguments.of("identityLink", new Saml1ClientFlags(false, false, true, false, false, 0), (Function<
                                XmlProbe, Integer>)
                        x -> x.count("//a:Attribute[@AttributeName='EID-ONLINE-IDENTITY-LINK']")),
                Arguments.of("signerCertificate", new Saml1ClientFlags(false, false, false, true, false, 0), (Function<
                                XmlProbe, Integer>)
                        x -> x.count("//a:Attribute[@AttributeName='SignerCertificate']")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFlags")
    void eachFlagAddsExactlyItsOwnData(String name, Saml1ClientFlags only, Function<XmlProbe, Integer> itsData) {
        XmlProbe withFlag = success(Saml1TestData.publicSector(), only);
        XmlProbe without = success(Saml1TestData.publicSector(), flags(false, 0));

        assertThat(itsData.apply(withFlag)).isEqualTo(1);
        assertThat(itsData.apply(without)).isZero();
        int extraAttributes = withFlag.attributeNames().size() - ALWAYS.size();
        assertThat(extraAttributes).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFlags")
    void aFlagWithoutDataAddsNothing(String name, Saml1ClientFlags only, Function<XmlProbe, Integer> itsData) {
        AuthenticationData bare = Saml1TestData.person()
                .baseId(null)
                .authBlock(null)
                .identityLink(null)
                .signerCertificate(null)
                .build();

        assertThat(itsData.apply(success(bare, only))).isZero();
    }

    @Test
    void privateSectorNeverGetsBaseIdOrIdentityLink() {
        XmlProbe xml = success(Saml1TestData.privateSector(), flags(true, 0));

        assertThat(xml.text("//a:NameIdentifier/@NameQualifier")).isEqualTo(WBPK_TYPE);
        assertThat(xml.count("//pr:Person/pr:Identification")).isEqualTo(1);
        assertThat(xml.text("//pr:Person/pr:Identification/pr:Value"))
                .as("never a base ID for the private sector")
                .isEmpty();
        assertThat(Saml1Xml.toXmlString(
                        builder().successResponse("r", Saml1TestData.privateSector(), flags(true, 0), List.of())))
                .doesNotContain(BASE_ID)
                .doesNotContain(IDENTITY_LINK);
        assertThat(xml.attributeNames()).contains("SignerCertificate").doesNotContain("EID-ONLINE-IDENTITY-LINK");
        assertThat(xml.count("//a:SubjectConfirmationData")).isEqualTo(1);
    }

    @Test
    void minorVersionOneIsUsedForResponseAndAssertion() {
        XmlProbe xml = success(Saml1TestData.publicSector(), flags(false, 1));

        assertThat(xml.text("//p:Response/@MinorVersion")).isEqualTo("1");
        assertThat(xml.text("//a:Assertion/@MinorVersion")).isEqualTo("1");
    }

    @Test
    void optionalValuesThatAreMissingLeaveNoEmptyAttributes() {
        AuthenticationData foreign = Saml1TestData.person()
                .bkuUrl(null)
                .issuingNation(null)
                .birthdate(null)
                .build();

        XmlProbe xml = success(foreign, flags(false, 0));

        assertThat(xml.attributeNames()).containsExactly("PersonData", "isQualifiedCertificate");
        assertThat(xml.count("//pr:Person/pr:DateOfBirth")).isZero();
    }

    @Test
    void extraAttributesFromMappersComeLast() {
        List<Saml1Attribute> extras = List.of(new Saml1Attribute("email", "urn:example:attributes", "max@example.at"));

        XmlProbe xml =
                XmlProbe.of(builder().successResponse("r", Saml1TestData.publicSector(), flags(false, 0), extras));

        assertThat(xml.attributeNames()).last().isEqualTo("email");
        assertThat(xml.text("//a:Attribute[@AttributeName='email']/@AttributeNamespace"))
                .isEqualTo("urn:example:attributes");
        assertThat(xml.attributeValue("email")).isEqualTo("max@example.at");
    }

    @Test
    void naturalPersonMandateSendsBaseDataReferenceAndType() {
        AuthenticationData data =
                Saml1TestData.person().mandate(Saml1TestData.naturalMandator()).build();

        XmlProbe xml = success(data, flags(false, 0));

        assertThat(xml.attributeNames())
                .containsExactly(
                        "PersonData",
                        "isQualifiedCertificate",
                        "bkuURL",
                        "EID-ISSUING-NATION",
                        "Mandate",
                        "MandateData",
                        "RepresentationType",
                        "mandateReferenceValue");
        assertThat(xml.text("//a:Attribute[@AttributeName='Mandate']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.MANDATES_NS);
        String mandate = "//a:Attribute[@AttributeName='Mandate']/a:AttributeValue/md:Mandate";
        assertThat(xml.count(mandate)).isEqualTo(1);
        assertThat(xml.text(mandate + "/md:Representative/pr:PhysicalPerson/pr:Identification/pr:Value"))
                .isEqualTo(BPK);
        assertThat(xml.text(mandate + "/md:Representative/pr:PhysicalPerson/pr:Name/pr:GivenName"))
                .isEqualTo("Max");
        String mandator = mandate + "/md:Mandator/pr:PhysicalPerson";
        assertThat(xml.text(mandator + "/pr:Identification/pr:Value")).isEqualTo("Aaaabbbbccccddddeeeeffffgggg=");
        assertThat(xml.text(mandator + "/pr:Identification/pr:Type")).isEqualTo(BPK_TYPE);
        assertThat(xml.text(mandator + "/pr:Name/pr:GivenName")).isEqualTo("Erika");
        assertThat(xml.text(mandator + "/pr:Name/pr:FamilyName")).isEqualTo("Musterfrau");
        assertThat(xml.text(mandator + "/pr:DateOfBirth")).isEqualTo("1950-02-02");
        assertThat(xml.text("//a:Attribute[@AttributeName='MandateData']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.PERSONDATA_NS);
        String mandateData = "//a:Attribute[@AttributeName='MandateData']/a:AttributeValue/pr:PhysicalPerson";
        assertThat(xml.text(mandateData + "/pr:Identification/pr:Value")).isEqualTo("Aaaabbbbccccddddeeeeffffgggg=");
        assertThat(xml.text(mandateData + "/pr:Identification/pr:Type")).isEqualTo(BPK_TYPE);
        assertThat(xml.text(mandateData + "/pr:Name/pr:GivenName")).isEqualTo("Erika");
        assertThat(xml.text(mandateData + "/pr:Name/pr:FamilyName")).isEqualTo("Musterfrau");
        assertThat(xml.text(mandateData + "/pr:DateOfBirth")).isEqualTo("1950-02-02");
        assertThat(xml.attributeValue("RepresentationType")).isEqualTo("GeneralvollmachtBilateral");
        assertThat(xml.text("//a:Attribute[@AttributeName='RepresentationType']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.MANDATES_NS);
        assertThat(xml.attributeValue("mandateReferenceValue")).isEqualTo("REF-123");
        assertThat(xml.text("//a:Attribute[@AttributeName='mandateReferenceValue']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.MOA_NS);
    }

    @Test
    void legalPersonMandateWithoutFullMandateFlagSendsCorporateBodyBaseData() {
        AuthenticationData data =
                Saml1TestData.person().mandate(Saml1TestData.legalMandator()).build();

        XmlProbe xml = success(data, flags(false, 0));

        String body = "//md:Mandate/md:Mandator/pr:CorporateBody";
        assertThat(xml.text(body + "/pr:FullName")).isEqualTo("Muster GmbH");
        assertThat(xml.text(body + "/pr:Identification/pr:Value")).isEqualTo("468924i");
        assertThat(xml.text(body + "/pr:Identification/pr:Type")).isEqualTo("urn:publicid:gv.at:baseid+XFN");
        assertThat(xml.count("//md:Mandate/@MandateID")).isZero();
        String mandateData = "//a:Attribute[@AttributeName='MandateData']/a:AttributeValue/pr:CorporateBody";
        assertThat(xml.text(mandateData + "/pr:FullName")).isEqualTo("Muster GmbH");
        assertThat(xml.text(mandateData + "/pr:Identification/pr:Value")).isEqualTo("468924i");
        assertThat(xml.text(mandateData + "/pr:Identification/pr:Type")).isEqualTo("urn:publicid:gv.at:baseid+XFN");
        assertThat(xml.attributeValue("OID")).isEqualTo("1.2.40.0.10.3.1");
        assertThat(xml.attributeValue("OIDTextualDescription")).isEqualTo("Rechtsanwalt");
        assertThat(xml.text("//a:Attribute[@AttributeName='OID']/@AttributeNamespace"))
                .isEqualTo(Saml1Xml.PERSONDATA_NS);
    }

    @Test
    void fullMandateFlagForwardsTheDeliveredDocument() {
        AuthenticationData data =
                Saml1TestData.person().mandate(Saml1TestData.legalMandator()).build();

        XmlProbe xml = success(data, new Saml1ClientFlags(false, false, false, false, true, 0));

        assertThat(xml.count("//a:Attribute[@AttributeName='Mandate']/a:AttributeValue/md:Mandate"))
                .isEqualTo(1);
        assertThat(xml.text("//md:Mandate/@MandateID")).isEqualTo("m-4711");
        assertThat(xml.text("//md:Mandate/md:Annotation")).isEqualTo("Generalvollmacht");
    }

    @Test
    void unreadableFullMandateFallsBackToBaseData() {
        AuthenticationData data = Saml1TestData.person()
                .mandate(Saml1TestData.legalMandator().withFullMandate("bm90IHhtbA=="))
                .build();

        XmlProbe xml = success(data, new Saml1ClientFlags(false, false, false, false, true, 0));

        assertThat(xml.count("//md:Mandate")).isEqualTo(1);
        assertThat(xml.text("//md:Mandate/md:Mandator/pr:CorporateBody/pr:FullName"))
                .isEqualTo("Muster GmbH");
    }

    @Test
    void errorResponseNestsTheMoaIdCodeAndHasNoAssertion() {
        XmlProbe xml = XmlProbe.of(builder().errorResponse("req-9", 0, MoaStatus.ARTIFACT_MALFORMED));

        String status = "/s:Envelope/s:Body/p:Response/p:Status";
        assertThat(xml.text("//p:Response/@InResponseTo")).isEqualTo("req-9");
        assertThat(xml.text(status + "/p:StatusCode/@Value")).isEqualTo("samlp:Requester");
        assertThat(xml.text(status + "/p:StatusCode/p:StatusCode/@Value"))
                .as("a valid xsd:QName")
                .isEqualTo("moa:E6300");
        assertThat(xml.namespaceAt(status + "/p:StatusCode/p:StatusCode", "moa"))
                .isEqualTo(Saml1Xml.MOA_NS);
        assertThat(xml.text(status + "/p:StatusMessage")).isEqualTo("6300: Fehlerhaftes SAML Artifact Format");
        assertThat(xml.text(status + "/p:StatusDetail/m:StatusCode"))
                .as("the bare number")
                .isEqualTo("6300");
        assertThat(xml.count("//a:Assertion")).isZero();
    }

    @Test
    void errorResponseCanChooseCodeMessageAndVersion() {
        XmlProbe xml =
                XmlProbe.of(builder().errorResponse(null, 1, Saml1StatusCode.VERSION_MISMATCH, null, "only SAML 1.x"));

        assertThat(xml.count("//p:Response/@InResponseTo")).isZero();
        assertThat(xml.text("//p:Response/@MinorVersion")).isEqualTo("1");
        assertThat(xml.text("//p:Status/p:StatusCode/@Value")).isEqualTo("samlp:VersionMismatch");
        assertThat(xml.count("//p:Status/p:StatusCode/p:StatusCode")).isZero();
        assertThat(xml.text("//p:StatusMessage")).isEqualTo("only SAML 1.x");
        assertThatThrownBy(() -> builder().errorResponse("r", 0, Saml1StatusCode.SUCCESS, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moaStatusCodesAreUniqueAndCarryTheHandbookText() {
        assertThat(Stream.of(MoaStatus.values()).map(MoaStatus::code).distinct().count())
                .isEqualTo(MoaStatus.values().length);
        assertThat(MoaStatus.ofCode(6300)).contains(MoaStatus.ARTIFACT_MALFORMED);
        assertThat(MoaStatus.ARTIFACT_UNKNOWN.code()).isEqualTo(1100);
        assertThat(MoaStatus.LOGIN_NOT_SUPPORTED_FOR_APPLICATION.german())
                .isEqualTo("Anmeldung an der angeforderten Online-Applikation wird nicht unterstützt.");
        assertThat(MoaStatus.MANDATE_INVALID.qualifiedValue()).isEqualTo("moa:E1108");
        assertThat(MoaStatus.INTERNAL_ERROR.samlStatus()).isEqualTo(Saml1StatusCode.RESPONDER);
    }

    @Test
    void flagsRefuseUnknownMinorVersions() {
        assertThatThrownBy(() -> flags(false, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Saml1ClientFlags.defaults().signAssertion()).isTrue();
        assertThat(Saml1ClientFlags.defaults().minorVersion()).isZero();
    }
}
