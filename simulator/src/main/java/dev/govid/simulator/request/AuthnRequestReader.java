package dev.govid.simulator.request;

import static dev.govid.simulator.xml.SamlNamespaces.AKDB;
import static dev.govid.simulator.xml.SamlNamespaces.AKDB_CLASSIC_UI;
import static dev.govid.simulator.xml.SamlNamespaces.ASSERTION;
import static dev.govid.simulator.xml.SamlNamespaces.PROTOCOL;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.govid.simulator.request.AkdbRequest.DisplayInformation;
import dev.govid.simulator.request.AkdbRequest.RequestedAttribute;
import dev.govid.simulator.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Turns a (signature-checked) AuthnRequest document into {@link AuthnRequestData}, enforcing BundID's rules. */
public final class AuthnRequestReader {
    private AuthnRequestReader() {}

    /** The document element, provided it is a samlp:AuthnRequest with an ID. */
    public static Element authnRequestElement(Document doc) {
        Element root = doc.getDocumentElement();
        if (!Dom.is(root, PROTOCOL, "AuthnRequest")) {
            throw new RequestRejectedException("invalid-request", "document element is not samlp:AuthnRequest");
        }
        if (Dom.attribute(root, "ID") == null || root.getAttributeNS(null, "ID").isBlank()) {
            throw new RequestRejectedException("invalid-request", "AuthnRequest has no ID");
        }
        return root;
    }

    public static String issuer(Element authnRequest) {
        return Dom.childText(authnRequest, ASSERTION, "Issuer")
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new RequestRejectedException("invalid-request", "AuthnRequest has no Issuer"));
    }

    public static AuthnRequestData read(Element root, boolean lenient) {
        String acsIndex = Dom.attribute(root, "AssertionConsumerServiceIndex");
        return new AuthnRequestData(
                root.getAttributeNS(null, "ID"),
                issuer(root),
                Dom.attribute(root, "Destination"),
                Dom.attribute(root, "AssertionConsumerServiceURL"),
                acsIndex == null ? null : parseIndex(acsIndex),
                "true".equals(Dom.attribute(root, "IsPassive")),
                readAkdb(root, lenient),
                readLevelRequirement(root));
    }

    private static Integer parseIndex(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new RequestRejectedException("invalid-request", "bad AssertionConsumerServiceIndex");
        }
    }

    private static AkdbRequest readAkdb(Element root, boolean lenient) {
        Optional<Element> extension =
                Dom.child(root, PROTOCOL, "Extensions").flatMap(ext -> Dom.child(ext, AKDB, "AuthenticationRequest"));
        if (extension.isEmpty()) {
            if (lenient) {
                return null;
            }
            throw new RequestRejectedException(
                    "akdb-extension-missing", "samlp:Extensions/akdb:AuthenticationRequest is missing");
        }
        Element ar = extension.get();
        String version = Dom.attribute(ar, "Version");
        if ("1".equals(version == null ? null : version.trim())) {
            throw new RequestRejectedException(
                    "akdb-extension-v1-deprecated", "akdb:AuthenticationRequest Version=\"1\" is no longer supported");
        }
        boolean statusDetail = "true".equals(Dom.attribute(ar, "EnableStatusDetail"));
        return new AkdbRequest(
                version,
                statusDetail,
                readDisabledMethods(ar),
                readRequestedAttributes(ar),
                readDisplayInformation(ar));
    }

    /**
     * Methods not listed stay allowed. An AuthnMethods element that enables nothing it lists (or lists
     * nothing) is what BundID calls "empty".
     */
    private static Set<AuthMethod> readDisabledMethods(Element ar) {
        Set<AuthMethod> disabled = EnumSet.noneOf(AuthMethod.class);
        Optional<Element> methods = Dom.child(ar, AKDB, "AuthnMethods");
        if (methods.isEmpty()) {
            return disabled;
        }
        boolean anyEnabled = false;
        for (Element m : Dom.childElements(methods.get())) {
            Optional<AuthMethod> method =
                    AKDB.equals(m.getNamespaceURI()) ? AuthMethod.fromWireName(m.getLocalName()) : Optional.empty();
            if (method.isEmpty()) {
                continue;
            }
            boolean enabled = Dom.childText(m, AKDB, "Enabled")
                    .map(t -> !"false".equals(t))
                    .orElse(true);
            if (enabled) {
                anyEnabled = true;
            } else {
                disabled.add(method.get());
            }
        }
        if (!anyEnabled) {
            throw new RequestRejectedException(
                    "empty-authentication-methods", "akdb:AuthnMethods enables no authentication method");
        }
        return disabled;
    }

    private static List<RequestedAttribute> readRequestedAttributes(Element ar) {
        List<RequestedAttribute> result = new ArrayList<>();
        Optional<Element> list = Dom.child(ar, AKDB, "RequestedAttributes");
        if (list.isPresent()) {
            for (Element ra : Dom.children(list.get(), AKDB, "RequestedAttribute")) {
                String name = Dom.attribute(ra, "Name");
                if (name == null || name.isBlank()) {
                    throw new RequestRejectedException(
                            "requested-attributes-missing-name", "an akdb:RequestedAttribute has no Name");
                }
                result.add(new RequestedAttribute(name.trim(), "true".equals(Dom.attribute(ra, "RequiredAttribute"))));
            }
        }
        if (result.isEmpty()) {
            throw new RequestRejectedException(
                    "requested-attributes-empty", "akdb:RequestedAttributes lists no attribute");
        }
        return result;
    }

    private static DisplayInformation readDisplayInformation(Element ar) {
        Optional<Element> info = Dom.child(ar, AKDB, "DisplayInformation");
        if (info.isEmpty()) {
            return null;
        }
        Element v = Dom.child(info.get(), AKDB_CLASSIC_UI, "Version").orElse(info.get());
        String org = Dom.childText(v, AKDB_CLASSIC_UI, "OrganizationDisplayName")
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new RequestRejectedException(
                        "organization-display-name-missing", "DisplayInformation lacks OrganizationDisplayName"));
        return new DisplayInformation(
                org,
                Dom.childText(v, AKDB_CLASSIC_UI, "OnlineServiceId").orElse(null),
                Dom.childText(v, AKDB_CLASSIC_UI, "Lang").orElse(null),
                Dom.childText(v, AKDB_CLASSIC_UI, "BackURL").orElse(null),
                Dom.childText(v, AKDB_CLASSIC_UI, "Purpose").orElse(null));
    }

    private static LevelRequirement readLevelRequirement(Element root) {
        Optional<Element> rac = Dom.child(root, PROTOCOL, "RequestedAuthnContext");
        if (rac.isEmpty()) {
            return null;
        }
        List<Integer> levels = new ArrayList<>();
        for (Element ref : Dom.children(rac.get(), ASSERTION, "AuthnContextClassRef")) {
            Integer level = LevelRequirement.parseLevel(ref.getTextContent());
            if (level != null) {
                levels.add(level);
            }
        }
        String comparison =
                Optional.ofNullable(Dom.attribute(rac.get(), "Comparison")).orElse("exact");
        return levels.isEmpty() ? null : new LevelRequirement(comparison, levels);
    }
}
