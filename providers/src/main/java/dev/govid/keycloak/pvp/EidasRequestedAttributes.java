package dev.govid.keycloak.pvp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.keycloak.saml.SamlProtocolExtensionsAwareBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.exceptions.ProcessingException;

/**
 * The attributes a PVP login asks for, written into the AuthnRequest's {@code samlp:Extensions} in the
 * eIDAS SAML extension format ({@code eidas:RequestedAttributes}). Opt-in ({@link PvpConfig#isRequestedAttributesExtension()}):
 * ID Austria documents no request extension for attributes and selects the set by AttributeConsumingServiceIndex
 * ({@link AttributeConsumingServices}); this is for PVP IdPs that read the attributes from the request.
 */
final class EidasRequestedAttributes implements SamlProtocolExtensionsAwareBuilder.NodeGenerator {

    static final String EIDAS_NS = "http://eidas.europa.eu/saml-extensions";

    private final Map<PvpAttribute, Boolean> requested;

    /** @param onBehalf adds the mandate attributes, optional: a login without a mandate gets the client's own refusal */
    EidasRequestedAttributes(Map<PvpAttribute, Boolean> requested, boolean onBehalf) {
        Map<PvpAttribute, Boolean> all = new LinkedHashMap<>(requested);
        if (onBehalf) {
            PvpAttribute.mandateAttributes().forEach(attribute -> all.putIfAbsent(attribute, Boolean.FALSE));
        }
        this.requested = Collections.unmodifiableMap(all);
    }

    @Override
    public void write(XMLStreamWriter writer) throws ProcessingException {
        try {
            writer.writeStartElement("eidas", "RequestedAttributes", EIDAS_NS);
            writer.writeNamespace("eidas", EIDAS_NS);
            for (Map.Entry<PvpAttribute, Boolean> attribute : requested.entrySet()) {
                writer.writeEmptyElement("eidas", "RequestedAttribute", EIDAS_NS);
                writer.writeAttribute("Name", attribute.getKey().uri());
                writer.writeAttribute("FriendlyName", attribute.getKey().friendlyName());
                writer.writeAttribute("NameFormat", JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
                writer.writeAttribute("isRequired", String.valueOf(attribute.getValue()));
            }
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new ProcessingException(e);
        }
    }
}
