package dev.govid.keycloak.saml1;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads our serialized output back with a plain parser and XPath with fixed prefixes, so the checks see what a
 * client sees on the wire (not the DOM we built) and do not depend on the prefixes we chose.
 */
final class XmlProbe {

    private static final Map<String, String> PREFIXES = Map.of(
            "s", Saml1Xml.SOAP11_ENV_NS,
            "p", Saml1Xml.SAMLP_NS,
            "a", Saml1Xml.SAML_NS,
            "pr", Saml1Xml.PERSONDATA_NS,
            "md", Saml1Xml.MANDATES_NS,
            "m", Saml1Xml.MOA_NS,
            "ds", Saml1Xml.DSIG_NS,
            "xsi", Saml1Xml.XSI_NS);

    private final Document document;
    private final XPath xpath;

    private XmlProbe(Document document) {
        this.document = document;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return PREFIXES.get(prefix);
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
    }

    static XmlProbe of(Document built) {
        return of(Saml1Xml.toXmlString(built));
    }

    static XmlProbe of(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new XmlProbe(
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("our output is not well-formed XML", e);
        }
    }

    String text(String expression) {
        try {
            return (String) xpath.evaluate(expression, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    int count(String expression) {
        return nodes(expression).size();
    }

    List<Node> nodes(String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<Node> result = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                result.add(list.item(i));
            }
            return result;
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    /** Attribute names of the assertion, in document order. */
    List<String> attributeNames() {
        return nodes("//a:AttributeStatement/a:Attribute/@AttributeName").stream()
                .map(Node::getNodeValue)
                .toList();
    }

    String attributeValue(String name) {
        return text("//a:Attribute[@AttributeName='" + name + "']/a:AttributeValue");
    }

    /** The namespace a prefix resolves to at the first node the expression selects. */
    String namespaceAt(String expression, String prefix) {
        return nodes(expression).get(0).lookupNamespaceURI(prefix);
    }
}
