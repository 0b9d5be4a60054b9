package dev.govid.simulator.support;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import dev.govid.simulator.crypto.CryptoSetup;
import dev.govid.simulator.xml.SecureXml;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Looks at a SAML Response from the SP's side: verifies signatures with the JDK's javax.xml.crypto (an
 * implementation independent of the Santuario signer) and decrypts with the SP key using Santuario.
 */
public final class ResponseInspector {
    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String AKDB = "https://www.akdb.de/request/2018/09";

    private final Document doc;

    public ResponseInspector(String responseXml) {
        CryptoSetup.ensureInitialized();
        this.doc = SecureXml.parse(responseXml);
    }

    public Document document() {
        return doc;
    }

    public Element response() {
        return doc.getDocumentElement();
    }

    /** True only if the Response has a signature as direct child that verifies with the JDK implementation. */
    public boolean responseSignatureValid(X509Certificate idpCert) {
        Element signature = directChild(response(), DS, "Signature");
        return signature != null && validate(response(), signature, idpCert);
    }

    public boolean hasResponseSignature() {
        return directChild(response(), DS, "Signature") != null;
    }

    public static boolean validate(Element signedElement, Element signature, X509Certificate cert) {
        try {
            signedElement.setIdAttributeNS(null, "ID", true);
            DOMValidateContext ctx = new DOMValidateContext(cert.getPublicKey(), signature);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            boolean valid = xmlSignature.validate(ctx);
            String uri = xmlSignature.getSignedInfo().getReferences().get(0).getURI();
            return valid && uri.equals("#" + signedElement.getAttribute("ID"));
        } catch (Exception e) {
            throw new IllegalStateException("signature validation failed with an exception", e);
        }
    }

    public String signatureMethod() {
        Element signature = directChild(response(), DS, "Signature");
        Element signedInfo = directChild(signature, DS, "SignedInfo");
        return directChild(signedInfo, DS, "SignatureMethod").getAttribute("Algorithm");
    }

    public Element encryptedData() {
        NodeList list = doc.getElementsByTagNameNS(XENC, "EncryptedData");
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    public String dataEncryptionAlgorithm() {
        return directChild(encryptedData(), XENC, "EncryptionMethod").getAttribute("Algorithm");
    }

    public String keyTransportAlgorithm() {
        Element key = (Element)
                encryptedData().getElementsByTagNameNS(XENC, "EncryptedKey").item(0);
        return directChild(key, XENC, "EncryptionMethod").getAttribute("Algorithm");
    }

    /** Decrypts the EncryptedAssertion in place (call after checking the Response signature). */
    public Element decryptAssertion(PrivateKey spKey) {
        try {
            Element encrypted = encryptedData();
            if (encrypted != null) {
                XMLCipher cipher = XMLCipher.getInstance();
                cipher.init(XMLCipher.DECRYPT_MODE, null);
                cipher.setKEK(spKey);
                cipher.doFinal(doc, encrypted);
            }
            return assertion();
        } catch (Exception e) {
            throw new IllegalStateException("cannot decrypt assertion", e);
        }
    }

    public Element assertion() {
        NodeList list = doc.getElementsByTagNameNS(SAML, "Assertion");
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    public String statusCode() {
        Element status = directChild(response(), SAMLP, "Status");
        return directChild(status, SAMLP, "StatusCode").getAttribute("Value");
    }

    public String nestedStatusCode() {
        Element status = directChild(response(), SAMLP, "Status");
        Element nested = directChild(directChild(status, SAMLP, "StatusCode"), SAMLP, "StatusCode");
        return nested == null ? null : nested.getAttribute("Value");
    }

    public String statusMessage() {
        Element message = directChild(directChild(response(), SAMLP, "Status"), SAMLP, "StatusMessage");
        return message == null ? null : message.getTextContent();
    }

    public String akdbStatusDetail() {
        Element detail = directChild(directChild(response(), SAMLP, "Status"), SAMLP, "StatusDetail");
        Element akdb = detail == null ? null : directChild(detail, AKDB, "StatusDetail");
        return akdb == null ? null : akdb.getTextContent();
    }

    /** Name → value of the (decrypted) assertion's attributes, in document order. */
    public Map<String, String> attributes() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Element a : all(assertion(), SAML, "Attribute")) {
            result.put(
                    a.getAttribute("Name"),
                    a.getElementsByTagNameNS(SAML, "AttributeValue").item(0).getTextContent());
        }
        return result;
    }

    public Map<String, String> trustLevels() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Element a : all(assertion(), SAML, "Attribute")) {
            result.put(a.getAttribute("Name"), a.getAttributeNS(AKDB, "TrustLevel"));
        }
        return result;
    }

    public String text(String ns, String localName) {
        NodeList list = doc.getElementsByTagNameNS(ns, localName);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    public Element first(String ns, String localName) {
        NodeList list = doc.getElementsByTagNameNS(ns, localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    public static List<Element> all(Element root, String ns, String localName) {
        NodeList list = root.getElementsByTagNameNS(ns, localName);
        Element[] elements = new Element[list.getLength()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = (Element) list.item(i);
        }
        return List.of(elements);
    }

    public static Element directChild(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ns.equals(n.getNamespaceURI()) && localName.equals(n.getLocalName())) {
                return (Element) n;
            }
        }
        return null;
    }
}
