package dev.govid.keycloak.saml1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.govid.keycloak.saml.SecureXml;
import dev.govid.keycloak.saml1.MalformedSoapRequestException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a GetAuthenticationData call: a SOAP 1.1 envelope whose body holds one {@code samlp:Request} with
 * exactly one {@code samlp:AssertionArtifact}. Prefixes are free; only namespaces and local names count.
 * Untrusted input, so parsed with {@link SecureXml#parseOrThrow} (no DOCTYPE, no entities, no external access).
 */
public final class SoapRequestParser {

    /** Largest body we read; a real request is well under 2 KB. Callers enforce it before buffering. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private SoapRequestParser() {}

    public static AuthenticationDataRequest parse(byte[] body) throws MalformedSoapRequestException {
        if (body == null || body.length == 0) {
            throw new MalformedSoapRequestException(Reason.NOT_XML, "empty request");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new MalformedSoapRequestException(
                    Reason.TOO_LARGE, "request larger than " + MAX_BODY_BYTES + " bytes");
        }
        Element request = samlRequest(body(envelope(readXml(body))));
        String requestId = request.getAttributeNS(null, "RequestID").trim();
        if (requestId.isEmpty()) {
            throw new MalformedSoapRequestException(Reason.MISSING_REQUEST_ID, "samlp:Request without RequestID");
        }
        if (!"1".equals(request.getAttributeNS(null, "MajorVersion").trim())) {
            throw new MalformedSoapRequestException(Reason.UNSUPPORTED_VERSION, "samlp:Request MajorVersion must be 1");
        }
        int minorVersion =
                minorVersion(request.getAttributeNS(null, "MinorVersion").trim());
        String issueInstant =
                request.hasAttributeNS(null, "IssueInstant") ? request.getAttributeNS(null, "IssueInstant") : null;
        return new AuthenticationDataRequest(requestId, issueInstant, minorVersion, singleArtifact(request));
    }

    private static Document readXml(byte[] body) throws MalformedSoapRequestException {
        try {
            return SecureXml.parseOrThrow(body);
        } catch (SAXException e) {
            // The feature URI is a message parameter, so this test holds in every locale of the JDK's messages.
            String message = String.valueOf(e.getMessage());
            if (message.contains(SecureXml.DISALLOW_DOCTYPE_FEATURE) || message.contains("DOCTYPE")) {
                throw new MalformedSoapRequestException(Reason.DOCTYPE_FORBIDDEN, "DOCTYPE is not allowed", e);
            }
            throw new MalformedSoapRequestException(Reason.NOT_XML, "request is not well-formed XML", e);
        } catch (IOException e) {
            throw new MalformedSoapRequestException(Reason.NOT_XML, "request is not readable XML", e);
        }
    }

    private static Element envelope(Document document) throws MalformedSoapRequestException {
        Element root = document.getDocumentElement();
        if (!Saml1Xml.is(root, Saml1Xml.SOAP11_ENV_NS, "Envelope")) {
            throw new MalformedSoapRequestException(Reason.NOT_SOAP_ENVELOPE, "not a SOAP 1.1 envelope");
        }
        return root;
    }

    private static Element body(Element envelope) throws MalformedSoapRequestException {
        List<Element> bodies = children(envelope, Saml1Xml.SOAP11_ENV_NS, "Body");
        if (bodies.size() != 1) {
            throw new MalformedSoapRequestException(Reason.NOT_SOAP_ENVELOPE, "SOAP envelope needs exactly one Body");
        }
        return bodies.get(0);
    }

    private static Element samlRequest(Element body) throws MalformedSoapRequestException {
        List<Element> content = children(body, null, null);
        if (content.size() != 1 || !Saml1Xml.is(content.get(0), Saml1Xml.SAMLP_NS, "Request")) {
            throw new MalformedSoapRequestException(
                    Reason.NO_SAML_REQUEST, "SOAP Body must hold exactly one samlp:Request");
        }
        return content.get(0);
    }

    private static int minorVersion(String value) throws MalformedSoapRequestException {
        return switch (value) {
            case "0" -> 0;
            case "1" -> 1;
            default ->
                throw new MalformedSoapRequestException(
                        Reason.UNSUPPORTED_VERSION, "samlp:Request MinorVersion must be 0 or 1");
        };
    }

    private static String singleArtifact(Element request) throws MalformedSoapRequestException {
        List<Element> artifacts = children(request, Saml1Xml.SAMLP_NS, "AssertionArtifact");
        if (artifacts.size() != 1) {
            throw new MalformedSoapRequestException(
                    Reason.ARTIFACT_COUNT,
                    "samlp:Request must carry exactly one samlp:AssertionArtifact, found " + artifacts.size());
        }
        return artifacts.get(0).getTextContent().trim();
    }

    /** Element children, optionally filtered by namespace and local name (null = any). */
    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null || Saml1Xml.is(element, namespace, localName))) {
                result.add(element);
            }
        }
        return result;
    }
}
