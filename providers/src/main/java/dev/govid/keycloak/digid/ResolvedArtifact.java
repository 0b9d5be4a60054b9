package dev.govid.keycloak.digid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The ArtifactResponse this request resolved, signature-checked by Keycloak, kept for the rest of the request: the
 * callback reads the status codes and the 4.x encrypted identities from it. Only a login that came by artifact has
 * one, which is how a response sent by POST is told apart.
 */
final class ResolvedArtifact {

    private static final String KEY = ResolvedArtifact.class.getName();
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private final Document document;

    private ResolvedArtifact(Document document) {
        this.document = document;
    }

    static void keep(KeycloakSession session, Document artifactResponse) {
        session.setAttribute(KEY, new ResolvedArtifact(artifactResponse));
    }

    static Optional<ResolvedArtifact> of(KeycloakSession session) {
        return Optional.ofNullable(session.getAttribute(KEY, ResolvedArtifact.class));
    }

    /** The status codes of the inner Response, outermost first. */
    List<String> innerStatusCodes() {
        List<String> codes = new ArrayList<>();
        Element response = firstChild(document.getDocumentElement(), SAMLP, "Response");
        Element status = response == null ? null : firstChild(response, SAMLP, "Status");
        Element code = status == null ? null : firstChild(status, SAMLP, "StatusCode");
        while (code != null) {
            codes.add(code.getAttribute("Value"));
            code = firstChild(code, SAMLP, "StatusCode");
        }
        return codes;
    }

    Optional<String> innerStatusMessage() {
        Element response = firstChild(document.getDocumentElement(), SAMLP, "Response");
        Element status = response == null ? null : firstChild(response, SAMLP, "Status");
        Element message = status == null ? null : firstChild(status, SAMLP, "StatusMessage");
        return Optional.ofNullable(message).map(Node::getTextContent).map(String::trim);
    }

    /**
     * The assertion Keycloak checked, found by its ID directly under the inner Response (never one nested elsewhere,
     * so a wrapped copy cannot stand in for it).
     */
    Optional<Element> assertion(String assertionId) {
        Element response = firstChild(document.getDocumentElement(), SAMLP, "Response");
        if (response == null || assertionId == null) {
            return Optional.empty();
        }
        List<Element> matches = new ArrayList<>();
        for (Node n = response.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && SAML.equals(e.getNamespaceURI())
                    && "Assertion".equals(e.getLocalName())
                    && assertionId.equals(e.getAttribute("ID"))) {
                matches.add(e);
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    static Element firstChild(Element parent, String ns, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e
                    && ns.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
