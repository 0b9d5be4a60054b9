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
 * eIDAS SAML extension format ({@code eidas:RequestedAttributes}). This is how a login asks for the mandate
 * attributes after the person chose "on behalf of someone"; the SP metadata lists the standing set.
 */
final class EidasRequestedAttributes implements SamlProtocolExtensionsAwareBuilder.NodeGenerator {

    static final String EIDAS_NS = "http://eidas.europa.eu/saml-extensions";

    private final Map<PvpAttribute, Boolean> requested;

    EidasRequestedAttributes(Map<PvpAttribute, Boolean> requested) {
        this.requested = Collections.unmodifiableMap(new LinkedHashMap<>(requested));
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
