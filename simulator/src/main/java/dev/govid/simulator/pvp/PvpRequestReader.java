package dev.govid.simulator.pvp;

import static dev.govid.simulator.xml.SamlNamespaces.ASSERTION;
import static dev.govid.simulator.xml.SamlNamespaces.EIDAS_EXTENSIONS;
import static dev.govid.simulator.xml.SamlNamespaces.PROTOCOL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.simulator.request.AuthnRequestReader;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.sp.SpMetadata;
import dev.govid.simulator.xml.Dom;
import org.w3c.dom.Element;

/** Turns a signature-checked AuthnRequest into a {@link PvpRequest}. No akdb extension is expected. */
public final class PvpRequestReader {
    private PvpRequestReader() {}

    public static PvpRequest read(Element root) {
        return read(root, null);
    }

    /**
     * As ID Austria does: an AttributeConsumingServiceIndex selects the attribute set the SP metadata lists under
     * that index (an index the metadata does not have is refused); an {@code eidas:RequestedAttributes} extension,
     * when present, still wins.
     */
    public static PvpRequest read(Element root, SpMetadata sp) {
        String acsIndex = Dom.attribute(root, "AssertionConsumerServiceIndex");
        String attributeSetIndex = Dom.attribute(root, "AttributeConsumingServiceIndex");
        Integer attributeSet =
                attributeSetIndex == null ? null : parseIndex(attributeSetIndex, "AttributeConsumingServiceIndex");
        List<RequestedPvpAttribute> requested = readRequestedAttributes(root);
        if (requested == null && attributeSet != null && sp != null) {
            Map<String, Boolean> set = sp.attributeSet(attributeSet)
                    .orElseThrow(() -> new RequestRejectedException(
                            "unknown-attribute-consuming-service",
                            "AttributeConsumingServiceIndex " + attributeSet + " is not in the SP metadata"));
            requested = new ArrayList<>();
            for (Map.Entry<String, Boolean> entry : set.entrySet()) {
                requested.add(new RequestedPvpAttribute(entry.getKey(), entry.getValue()));
            }
        }
        return new PvpRequest(
                root.getAttributeNS(null, "ID"),
                AuthnRequestReader.issuer(root),
                Dom.attribute(root, "AssertionConsumerServiceURL"),
                acsIndex == null ? null : parseIndex(acsIndex, "AssertionConsumerServiceIndex"),
                attributeSet,
                isTrue(Dom.attribute(root, "IsPassive")),
                isTrue(Dom.attribute(root, "ForceAuthn")),
                Dom.child(root, PROTOCOL, "NameIDPolicy")
                        .map(p -> Dom.attribute(p, "Format"))
                        .orElse(null),
                readLevelRequirement(root),
                requested);
    }

    /** xs:boolean allows "1" as well as "true". */
    private static boolean isTrue(String value) {
        return value != null && ("true".equals(value.trim()) || "1".equals(value.trim()));
    }

    private static Integer parseIndex(String text, String attribute) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new RequestRejectedException("invalid-request", "bad " + attribute);
        }
    }

    private static PvpLevelRequirement readLevelRequirement(Element root) {
        Optional<Element> rac = Dom.child(root, PROTOCOL, "RequestedAuthnContext");
        if (rac.isEmpty()) {
            return null;
        }
        List<Integer> levels = new ArrayList<>();
        LoaVocabulary vocabulary = null;
        for (Element ref : Dom.children(rac.get(), ASSERTION, "AuthnContextClassRef")) {
            Optional<LoaVocabulary.Level> level = LoaVocabulary.parse(ref.getTextContent());
            if (level.isPresent()) {
                levels.add(level.get().storkLevel());
                if (vocabulary == null) {
                    vocabulary = level.get().vocabulary();
                }
            }
        }
        String comparison = Optional.ofNullable(Dom.attribute(rac.get(), "Comparison"))
                .orElse("exact")
                .trim();
        return levels.isEmpty() ? null : new PvpLevelRequirement(comparison, levels, vocabulary);
    }

    /** {@code samlp:Extensions/eidas:RequestedAttributes}; null when absent (not the same as empty). */
    private static List<RequestedPvpAttribute> readRequestedAttributes(Element root) {
        Optional<Element> list = Dom.child(root, PROTOCOL, "Extensions")
                .flatMap(ext -> Dom.child(ext, EIDAS_EXTENSIONS, "RequestedAttributes"));
        if (list.isEmpty()) {
            return null;
        }
        // A name listed twice counts once, and as required if any listing requires it.
        Map<String, Boolean> requiredByName = new LinkedHashMap<>();
        for (Element ra : Dom.children(list.get(), EIDAS_EXTENSIONS, "RequestedAttribute")) {
            String name = Dom.attribute(ra, "Name");
            if (name == null || name.isBlank()) {
                throw new RequestRejectedException(
                        "requested-attributes-missing-name", "an eidas:RequestedAttribute has no Name");
            }
            requiredByName.merge(name.trim(), isTrue(Dom.attribute(ra, "isRequired")), Boolean::logicalOr);
        }
        List<RequestedPvpAttribute> result = new ArrayList<>();
        requiredByName.forEach((name, required) -> result.add(new RequestedPvpAttribute(name, required)));
        return result;
    }
}
