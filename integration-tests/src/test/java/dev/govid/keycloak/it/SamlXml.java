package dev.govid.keycloak.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads SAML messages in tests with the JDK's own XML and XML-signature APIs, independently of both
 * Keycloak's saml-core and the simulator's code.
 */
public final class SamlXml {

    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String AKDB = "https://www.akdb.de/request/2018/09";
    public static final String CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";
    public static final String EIDAS = "http://eidas.europa.eu/saml-extensions";

    private SamlXml() {}

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static List<Element> elements(Document doc, String namespace, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    public static Element single(Document doc, String namespace, String localName) {
        List<Element> found = elements(doc, namespace, localName);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + localName + ", found " + found.size());
        }
        return found.get(0);
    }

    public static String attributeValue(String assertionXml, String name) {
        for (Element attribute : elements(parse(assertionXml), SAML, "Attribute")) {
            if (name.equals(attribute.getAttribute("Name"))) {
                return elements(attribute.getOwnerDocument(), SAML, "AttributeValue").stream()
                        .filter(v -> v.getParentNode() == attribute)
                        .findFirst()
                        .orElseThrow()
                        .getTextContent();
            }
        }
        throw new AssertionError("no attribute " + name);
    }

    public static String requestedAuthnContext(String authnRequestXml) {
        Document doc = parse(authnRequestXml);
        Element context = single(doc, SAMLP, "RequestedAuthnContext");
        if (!"minimum".equals(context.getAttribute("Comparison"))) {
            throw new AssertionError("Comparison must be minimum, was " + context.getAttribute("Comparison"));
        }
        return single(doc, SAML, "AuthnContextClassRef").getTextContent();
    }

    /** Verifies the enveloped signature on the document element with the JDK's XMLDSig (not Santuario's API). */
    public static boolean documentSignatureValid(Document doc, PublicKey key) {
        return documentSignatureValid(doc, key, "ID");
    }

    /** As above, for documents whose ID attribute has another name (SAML 1: {@code AssertionID}). */
    public static boolean documentSignatureValid(Document doc, PublicKey key, String idAttribute) {
        try {
            Element root = doc.getDocumentElement();
            if (root.hasAttribute(idAttribute)) {
                root.setIdAttribute(idAttribute, true);
            }
            Element signature = elements(doc, DS, "Signature").stream()
                    .filter(s -> s.getParentNode() == root)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no ds:Signature on the document element"));
            DOMValidateContext context = new DOMValidateContext(key, signature);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            String reference =
                    xmlSignature.getSignedInfo().getReferences().get(0).getURI();
            if (!("#" + root.getAttribute(idAttribute)).equals(reference)) {
                throw new AssertionError("signature does not cover the document element: " + reference);
            }
            return xmlSignature.validate(context);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String serialize(Element element) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            javax.xml.transform.Transformer transformer =
                    javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(
                    new javax.xml.transform.dom.DOMSource(element), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
