package dev.govid.keycloak.saml1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import dev.govid.keycloak.saml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Namespaces of the MOA-ID SAML1 interface, new documents from the hardened factory, and the small DOM
 * helpers the builders share. Every element is created with an explicit {@code xmlns} declaration where its
 * prefix is not yet in scope: canonicalization for signatures only sees declarations that exist as DOM
 * attributes, so relying on the serializer's namespace fix-up would sign one text and send another.
 */
public final class Saml1Xml {

    public static final String SOAP11_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SAMLP_NS = "urn:oasis:names:tc:SAML:1.0:protocol";
    public static final String SAML_NS = "urn:oasis:names:tc:SAML:1.0:assertion";
    /** Austrian person data ("PersonData", {@code pr:Person}). */
    public static final String PERSONDATA_NS = "http://reference.e-government.gv.at/namespace/persondata/20020228#";
    /** MOA-ID's own attribute namespace ({@code isQualifiedCertificate}, {@code bkuURL}, …). */
    public static final String MOA_NS = "http://reference.e-government.gv.at/namespace/moa/20020822#";
    /** Austrian electronic mandates ({@code md:Mandate}, {@code RepresentationType}). */
    public static final String MANDATES_NS = "http://reference.e-government.gv.at/namespace/mandates/20040701#";

    public static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    public static final String SOAP_PREFIX = "soapenv";
    public static final String SAMLP_PREFIX = "samlp";
    public static final String SAML_PREFIX = "saml";
    public static final String PR_PREFIX = "pr";
    public static final String MOA_PREFIX = "moa";
    public static final String MD_PREFIX = "md";
    public static final String XSI_PREFIX = "xsi";

    private Saml1Xml() {}

    public static Document newDocument() {
        Document document = SecureXml.newDocument();
        // Otherwise the JDK serializer writes standalone="no" into the XML declaration.
        document.setXmlStandalone(true);
        return document;
    }

    /** UTF-8 with XML declaration and without indentation: whitespace added after signing breaks digests. */
    public static byte[] toBytes(Node node) {
        try {
            Transformer transformer = TRANSFORMER_FACTORY.get().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, node instanceof Document ? "no" : "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize SAML1 XML", e);
        }
    }

    public static String toXmlString(Node node) {
        return new String(toBytes(node), StandardCharsets.UTF_8);
    }

    /** Appends a namespaced element and declares its prefix on it unless an ancestor already does. */
    static Element append(Node parent, String namespace, String qualifiedName) {
        Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
        Element element = doc.createElementNS(namespace, qualifiedName);
        parent.appendChild(element);
        int colon = qualifiedName.indexOf(':');
        declare(element, colon < 0 ? null : qualifiedName.substring(0, colon), namespace);
        return element;
    }

    /** Like {@link #append} for an element with only text content. */
    static Element appendText(Node parent, String namespace, String qualifiedName, String text) {
        Element element = append(parent, namespace, qualifiedName);
        element.setTextContent(text);
        return element;
    }

    /** Appends an element in no namespace (SOAP 1.1 {@code faultcode}, {@code faultstring}). */
    static Element appendUnqualified(Element parent, String localName, String text) {
        Element element = parent.getOwnerDocument().createElementNS(null, localName);
        element.setTextContent(text);
        parent.appendChild(element);
        return element;
    }

    /**
     * Makes {@code prefix} resolve to {@code namespace} at {@code element}. Also needed for prefixes that only
     * appear inside attribute values ({@code Value="samlp:Success"}, {@code xsi:type="pr:…"}): parsers resolve
     * those QNames against the in-scope declarations.
     */
    static void declare(Element element, String prefix, String namespace) {
        Node parent = element.getParentNode();
        String inherited = parent instanceof Element p ? p.lookupNamespaceURI(prefix) : null;
        boolean declaredHere = element.hasAttributeNS(
                XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix == null ? XMLConstants.XMLNS_ATTRIBUTE : prefix);
        if (!namespace.equals(inherited) && !declaredHere) {
            String attribute =
                    prefix == null ? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix;
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute, namespace);
        }
    }

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element
                && namespace.equals(node.getNamespaceURI())
                && localName.equals(node.getLocalName());
    }

    /** Per thread: factories are not thread-safe, and building one costs more than the serialization itself. */
    private static final ThreadLocal<TransformerFactory> TRANSFORMER_FACTORY =
            ThreadLocal.withInitial(Saml1Xml::transformerFactory);

    private static TransformerFactory transformerFactory() {
        // The JDK's own implementation: Keycloak's classpath may carry others with different escaping rules.
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
