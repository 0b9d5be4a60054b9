package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import dev.govid.keycloak.saml1.MalformedSoapRequestException.Reason;
import org.junit.jupiter.api.Test;

class SoapRequestParserTest {

    private static final String ARTIFACT =
            SamlArtifact.create("src", new SecureRandom()).encoded();

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Header/><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String request(String attributes, String content) {
        return "<samlp:Request xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" " + attributes + ">" + content
                + "</samlp:Request>";
    }

    private static String validAttributes(String minor) {
        return "RequestID=\"req-1\" IssueInstant=\"2004-09-23T09:09:22+02:00\" MajorVersion=\"1\" MinorVersion=\""
                + minor + "\"";
    }

    private static String artifactElement(String value) {
        return "<samlp:AssertionArtifact>" + value + "</samlp:AssertionArtifact>";
    }

    private static AuthenticationDataRequest parse(String xml) throws MalformedSoapRequestException {
        return SoapRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(String xml, Reason reason) {
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOf(MalformedSoapRequestException.class)
                .extracting(e -> ((MalformedSoapRequestException) e).reason())
                .isEqualTo(reason);
    }

    @Test
    void readsAMoaIdStyleRequest() throws Exception {
        AuthenticationDataRequest request = parse(envelope(request(validAttributes("0"), artifactElement(ARTIFACT))));

        assertThat(request.requestId()).isEqualTo("req-1");
        assertThat(request.issueInstant()).isEqualTo("2004-09-23T09:09:22+02:00");
        assertThat(request.minorVersion()).isZero();
        assertThat(request.artifact()).isEqualTo(ARTIFACT);
        assertThat(request.parsedArtifact()).isPresent();
    }

    @Test
    void prefixesAreFreeAndWhitespaceAroundTheArtifactIsIgnored() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<Request xmlns=\"urn:oasis:names:tc:SAML:1.0:protocol\" RequestID=\"_abc\" MajorVersion=\"1\""
                + " MinorVersion=\"1\" IssueInstant=\"2025-01-01T00:00:00Z\">"
                + "<RespondWith xmlns:x=\"urn:oasis:names:tc:SAML:1.0:assertion\">x:AuthenticationStatement</RespondWith>"
                + "<AssertionArtifact>\n  " + ARTIFACT + "\n</AssertionArtifact></Request></S:Body></S:Envelope>";

        AuthenticationDataRequest request = parse(xml);

        assertThat(request.requestId()).isEqualTo("_abc");
        assertThat(request.minorVersion()).isEqualTo(1);
        assertThat(request.artifact()).isEqualTo(ARTIFACT);
    }

    @Test
    void aMalformedArtifactIsStillARequestSoTheAnswerCanCarry6300() throws Exception {
        AuthenticationDataRequest request = parse(envelope(request(validAttributes("0"), artifactElement("garbage"))));

        assertThat(request.parsedArtifact()).isEmpty();
    }

    @Test
    void rejectsWhatIsNotXml() {
        assertRejected("this is not xml", Reason.NOT_XML);
        assertRejected(
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">", Reason.NOT_XML);
        assertThatThrownBy(() -> SoapRequestParser.parse(new byte[0]))
                .isInstanceOf(MalformedSoapRequestException.class);
    }

    @Test
    void rejectsOversizedBodies() {
        byte[] huge = new byte[SoapRequestParser.MAX_BODY_BYTES + 1];
        assertThatThrownBy(() -> SoapRequestParser.parse(huge))
                .isInstanceOf(MalformedSoapRequestException.class)
                .extracting(e -> ((MalformedSoapRequestException) e).reason())
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void rejectsOtherEnvelopes() {
        assertRejected(request(validAttributes("0"), artifactElement(ARTIFACT)), Reason.NOT_SOAP_ENVELOPE);
        assertRejected(
                "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
                        + request(validAttributes("0"), artifactElement(ARTIFACT)) + "</env:Body></env:Envelope>",
                Reason.NOT_SOAP_ENVELOPE);
        assertRejected(
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
                Reason.NOT_SOAP_ENVELOPE);
    }

    @Test
    void rejectsBodiesWithoutExactlyOneSamlRequest() {
        assertRejected(envelope(""), Reason.NO_SAML_REQUEST);
        assertRejected(envelope("<Request xmlns=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"), Reason.NO_SAML_REQUEST);
        String one = request(validAttributes("0"), artifactElement(ARTIFACT));
        assertRejected(envelope(one + one), Reason.NO_SAML_REQUEST);
    }

    @Test
    void rejectsMissingRequestId() {
        assertRejected(
                envelope(request("MajorVersion=\"1\" MinorVersion=\"0\"", artifactElement(ARTIFACT))),
                Reason.MISSING_REQUEST_ID);
        assertRejected(
                envelope(request("RequestID=\" \" MajorVersion=\"1\" MinorVersion=\"0\"", artifactElement(ARTIFACT))),
                Reason.MISSING_REQUEST_ID);
    }

    @Test
    void rejectsOtherVersions() {
        assertRejected(
                envelope(request("RequestID=\"r\" MajorVersion=\"2\" MinorVersion=\"0\"", artifactElement(ARTIFACT))),
                Reason.UNSUPPORTED_VERSION);
        assertRejected(
                envelope(request("RequestID=\"r\" MinorVersion=\"0\"", artifactElement(ARTIFACT))),
                Reason.UNSUPPORTED_VERSION);
        assertRejected(envelope(request(validAttributes("2"), artifactElement(ARTIFACT))), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void rejectsZeroOrSeveralArtifacts() {
        assertRejected(envelope(request(validAttributes("0"), "")), Reason.ARTIFACT_COUNT);
        assertRejected(
                envelope(
                        request(
                                validAttributes("0"),
                                "<samlp:AssertionIDReference xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:assertion\">x</samlp:AssertionIDReference>")),
                Reason.ARTIFACT_COUNT);
        assertRejected(
                envelope(request(validAttributes("0"), artifactElement(ARTIFACT) + artifactElement(ARTIFACT))),
                Reason.ARTIFACT_COUNT);
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + envelope(request(validAttributes("0"), artifactElement("&xxe;")));

        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOf(MalformedSoapRequestException.class)
                .hasMessageNotContaining("root:")
                .extracting(e -> ((MalformedSoapRequestException) e).reason())
                .isEqualTo(Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void refusesBillionLaughsBeforeExpanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10));
            dtd.append("\">");
        }
        dtd.append("]>");
        String bomb =
                "<?xml version=\"1.0\"?>" + dtd + envelope(request(validAttributes("0"), artifactElement("&lol9;")));

        long start = System.nanoTime();
        assertThatThrownBy(() -> parse(bomb))
                .isInstanceOf(MalformedSoapRequestException.class)
                .extracting(e -> ((MalformedSoapRequestException) e).reason())
                .isEqualTo(Reason.DOCTYPE_FORBIDDEN);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void soapFaultNamesTheProblemAsClientFault() {
        MalformedSoapRequestException problem =
                new MalformedSoapRequestException(Reason.NOT_XML, "request is not well-formed XML");

        XmlProbe fault = XmlProbe.of(SoapFaultBuilder.fault(problem));

        assertThat(fault.text("/s:Envelope/s:Body/s:Fault/faultcode")).isEqualTo("soapenv:Client");
        assertThat(fault.namespaceAt("/s:Envelope/s:Body/s:Fault/faultcode", "soapenv"))
                .isEqualTo(Saml1Xml.SOAP11_ENV_NS);
        assertThat(fault.text("/s:Envelope/s:Body/s:Fault/faultstring")).isEqualTo("request is not well-formed XML");
        assertThat(XmlProbe.of(SoapFaultBuilder.fault(SoapFaultBuilder.FaultCode.SERVER, "boom"))
                        .text("//s:Fault/faultcode"))
                .isEqualTo("soapenv:Server");
    }
}
