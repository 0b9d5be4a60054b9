package dev.govid.keycloak.digid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SAMLDecryptionKeysLocator;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLEncryptionUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The 4.x identities: {@code ActingSubjectID} (who logged in) and {@code LegalSubjectID} (whom they represent), each
 * an EncryptedID inside the AttributeValue, decrypted with the realm's encryption key the way Keycloak decrypts an
 * EncryptedID in the Subject (Keycloak's own parser does not decrypt one inside an attribute value).
 */
final class DigidSubjects {

    static final String ACTING = "urn:nl-eid-gdi:1.0:ActingSubjectID";
    static final String LEGAL = "urn:nl-eid-gdi:1.0:LegalSubjectID";
    private static final String ENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final List<String> ACCEPTED_DATA = List.of(
            "http://www.w3.org/2001/04/xmlenc#aes256-cbc",
            "http://www.w3.org/2009/xmlenc11#aes256-gcm",
            "http://www.w3.org/2009/xmlenc11#aes128-gcm");
    private static final List<String> ACCEPTED_KEY_TRANSPORT =
            List.of("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p", "http://www.w3.org/2009/xmlenc11#rsa-oaep");

    private DigidSubjects() {}

    /** A decrypted identity: its value and its NameQualifier. */
    record SubjectId(String value, String qualifier) {
        Optional<Bsn> bsn() {
            if (qualifier != null && !qualifier.equals(Bsn.LEGACY_BSN_QUALIFIER)) {
                return Optional.empty();
            }
            return Bsn.parse(value);
        }
    }

    /** The one identity in the named attribute: empty when absent; a problem (exception) when several or unreadable. */
    static Optional<SubjectId> read(
            KeycloakSession session, RealmModel realm, Element assertion, String attributeName) {
        List<Element> values = new ArrayList<>();
        for (Element statement : children(assertion, ResolvedArtifact.SAML, "AttributeStatement")) {
            for (Element attribute : children(statement, ResolvedArtifact.SAML, "Attribute")) {
                if (attributeName.equals(attribute.getAttribute("Name"))) {
                    values.addAll(children(attribute, ResolvedArtifact.SAML, "AttributeValue"));
                }
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException(attributeName + " holds " + values.size() + " values, DigiD sends one");
        }
        List<Element> encrypted = children(values.get(0), ResolvedArtifact.SAML, "EncryptedID");
        if (encrypted.size() != 1) {
            throw new IllegalArgumentException(attributeName + " does not hold exactly one EncryptedID");
        }
        checkAlgorithms(encrypted.get(0));
        try {
            Document document = DocumentUtil.createDocument();
            document.appendChild(document.importNode(encrypted.get(0), true));
            Element nameId = XMLEncryptionUtil.decryptElementInDocument(
                    document, new SAMLDecryptionKeysLocator(session, realm, null));
            if (nameId == null || !"NameID".equals(nameId.getLocalName())) {
                throw new IllegalArgumentException(attributeName + " decrypts to no NameID");
            }
            return Optional.of(new SubjectId(
                    nameId.getTextContent().trim(),
                    nameId.hasAttribute("NameQualifier") ? nameId.getAttribute("NameQualifier") : null));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(attributeName + " cannot be decrypted with the realm's encryption keys: "
                    + DigidIdentityProvider.rootCause(e));
        }
    }

    private static void checkAlgorithms(Element encryptedId) {
        for (Element method : descendants(encryptedId, ENC, "EncryptionMethod")) {
            String algorithm = method.getAttribute("Algorithm");
            boolean keyTransport = "EncryptedKey".equals(((Element) method.getParentNode()).getLocalName());
            if (!(keyTransport ? ACCEPTED_KEY_TRANSPORT : ACCEPTED_DATA).contains(algorithm)) {
                throw new IllegalArgumentException("EncryptedID uses " + algorithm + ", which GovID does not accept");
            }
        }
    }

    static Optional<String> attributeText(Element assertion, String attributeName) {
        for (Element statement : children(assertion, ResolvedArtifact.SAML, "AttributeStatement")) {
            for (Element attribute : children(statement, ResolvedArtifact.SAML, "Attribute")) {
                if (attributeName.equals(attribute.getAttribute("Name"))) {
                    for (Element value : children(attribute, ResolvedArtifact.SAML, "AttributeValue")) {
                        return Optional.of(value.getTextContent().trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element root, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        var list = root.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }
}
