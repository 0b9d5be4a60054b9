package dev.govid.simulator.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers that match by namespace URI and local name so any prefix is accepted. */
public final class Dom {
    private Dom() {}

    public static boolean is(Node node, String ns, String localName) {
        return node instanceof Element && ns.equals(node.getNamespaceURI()) && localName.equals(node.getLocalName());
    }

    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, ns, localName)) {
                result.add((Element) n);
            }
        }
        return result;
    }

    public static List<Element> childElements(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                result.add((Element) n);
            }
        }
        return result;
    }

    public static Optional<Element> child(Element parent, String ns, String localName) {
        List<Element> all = children(parent, ns, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public static List<Element> descendants(Element root, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        org.w3c.dom.NodeList list = root.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    public static Optional<String> childText(Element parent, String ns, String localName) {
        return child(parent, ns, localName).map(e -> e.getTextContent().trim());
    }

    /** The attribute value, or null when absent (DOM returns "" for both). */
    public static String attribute(Element e, String name) {
        return e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name) : null;
    }

    public static Element append(Element parent, String ns, String qualifiedName) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(e);
        return e;
    }

    public static Element appendText(Element parent, String ns, String qualifiedName, String text) {
        Element e = append(parent, ns, qualifiedName);
        e.setTextContent(text);
        return e;
    }

    public static void declareNamespace(Element e, String prefix, String ns) {
        e.setAttributeNS(SamlNamespaces.XMLNS, "xmlns:" + prefix, ns);
    }
}
