package dev.govid.simulator.sp;

import static dev.govid.simulator.xml.SamlNamespaces.DSIG;
import static dev.govid.simulator.xml.SamlNamespaces.METADATA;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads SP metadata (a single EntityDescriptor or an EntitiesDescriptor) into {@link SpMetadata}. */
public final class SpMetadataParser {
    private SpMetadataParser() {}

    public static List<SpMetadata> parse(byte[] xml) {
        Document doc = SecureXml.parse(xml);
        List<Element> entities = new ArrayList<>();
        Element root = doc.getDocumentElement();
        if (Dom.is(root, METADATA, "EntityDescriptor")) {
            entities.add(root);
        } else {
            entities.addAll(Dom.descendants(root, METADATA, "EntityDescriptor"));
        }
        List<SpMetadata> result = new ArrayList<>();
        for (Element entity : entities) {
            Dom.child(entity, METADATA, "SPSSODescriptor")
                    .ifPresent(sp -> result.add(toSpMetadata(entity.getAttributeNS(null, "entityID"), sp)));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no SPSSODescriptor in metadata");
        }
        return result;
    }

    private static SpMetadata toSpMetadata(String entityId, Element sp) {
        List<X509Certificate> signing = new ArrayList<>();
        List<X509Certificate> encryption = new ArrayList<>();
        for (Element keyDescriptor : Dom.children(sp, METADATA, "KeyDescriptor")) {
            String use = Dom.attribute(keyDescriptor, "use");
            for (Element certElement : Dom.descendants(keyDescriptor, DSIG, "X509Certificate")) {
                X509Certificate cert = decodeCertificate(certElement.getTextContent());
                if (use == null || "signing".equals(use)) {
                    signing.add(cert);
                }
                if (use == null || "encryption".equals(use)) {
                    encryption.add(cert);
                }
            }
        }
        List<AssertionConsumerService> acs = new ArrayList<>();
        for (Element e : Dom.children(sp, METADATA, "AssertionConsumerService")) {
            String index = Dom.attribute(e, "index");
            acs.add(new AssertionConsumerService(
                    e.getAttributeNS(null, "Binding"),
                    e.getAttributeNS(null, "Location"),
                    index == null ? null : Integer.valueOf(index.trim()),
                    "true".equals(Dom.attribute(e, "isDefault"))));
        }
        Map<Integer, Map<String, Boolean>> attributeSets = new HashMap<>();
        for (Element service : Dom.children(sp, METADATA, "AttributeConsumingService")) {
            Map<String, Boolean> set = new LinkedHashMap<>();
            for (Element requested : Dom.children(service, METADATA, "RequestedAttribute")) {
                String required = Dom.attribute(requested, "isRequired");
                set.put(requested.getAttributeNS(null, "Name"), "true".equals(required) || "1".equals(required));
            }
            attributeSets.put(
                    Integer.valueOf(service.getAttributeNS(null, "index").trim()), set);
        }
        return new SpMetadata(entityId, signing, encryption, acs, attributeSets);
    }

    public static X509Certificate decodeCertificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.trim());
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad X509Certificate in metadata: " + e.getMessage(), e);
        }
    }
}
