package dev.govid.keycloak.bundid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.keycloak.saml.SamlProtocolExtensionsAwareBuilder;
import org.keycloak.saml.common.exceptions.ProcessingException;

/**
 * Writes BundID's {@code akdb:AuthenticationRequest} (version 2) into the AuthnRequest's
 * {@code samlp:Extensions}. It is written as a stream into the request Keycloak then signs, so the
 * extension is covered by the request signature, which BundID requires before it honours it.
 */
public final class AkdbRequestExtension implements SamlProtocolExtensionsAwareBuilder.NodeGenerator {

    public static final String AKDB_NS = "https://www.akdb.de/request/2018/09";
    public static final String CLASSIC_UI_NS = "https://www.akdb.de/request/2018/09/classic-ui/v1";

    private final Map<BundIdAttribute, Boolean> requestedAttributes;
    private final List<AuthnMethod> allowedMethods;
    private final boolean enableStatusDetail;
    private final DisplayInformation display;

    public AkdbRequestExtension(
            Map<BundIdAttribute, Boolean> requestedAttributes,
            List<AuthnMethod> allowedMethods,
            boolean enableStatusDetail,
            DisplayInformation display) {
        this.requestedAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(requestedAttributes));
        this.allowedMethods = List.copyOf(allowedMethods);
        this.enableStatusDetail = enableStatusDetail;
        this.display = display;
    }

    /** The texts BundID shows on its login page. */
    public record DisplayInformation(
            String organizationDisplayName,
            String onlineServiceId,
            String lang,
            Optional<String> backUrl,
            Optional<String> purpose) {}

    @Override
    public void write(XMLStreamWriter writer) throws ProcessingException {
        try {
            writer.writeStartElement("akdb", "AuthenticationRequest", AKDB_NS);
            writer.writeNamespace("akdb", AKDB_NS);
            writer.writeAttribute("Version", "2");
            writer.writeAttribute("EnableStatusDetail", String.valueOf(enableStatusDetail));
            writeAuthnMethods(writer);
            writeRequestedAttributes(writer);
            writeDisplayInformation(writer);
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new ProcessingException(e);
        }
    }

    /** No list means "every method"; a list enables exactly those and disables the rest explicitly. */
    private void writeAuthnMethods(XMLStreamWriter writer) throws XMLStreamException {
        if (allowedMethods.isEmpty()) {
            return;
        }
        writer.writeStartElement("akdb", "AuthnMethods", AKDB_NS);
        for (AuthnMethod method : AuthnMethod.values()) {
            writer.writeStartElement("akdb", method.elementName(), AKDB_NS);
            writer.writeStartElement("akdb", "Enabled", AKDB_NS);
            writer.writeCharacters(String.valueOf(allowedMethods.contains(method)));
            writer.writeEndElement();
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }

    private void writeRequestedAttributes(XMLStreamWriter writer) throws XMLStreamException {
        writer.writeStartElement("akdb", "RequestedAttributes", AKDB_NS);
        for (Map.Entry<BundIdAttribute, Boolean> requested : requestedAttributes.entrySet()) {
            writer.writeEmptyElement("akdb", "RequestedAttribute", AKDB_NS);
            writer.writeAttribute("Name", requested.getKey().oid());
            writer.writeAttribute("RequiredAttribute", String.valueOf(requested.getValue()));
        }
        writer.writeEndElement();
    }

    private void writeDisplayInformation(XMLStreamWriter writer) throws XMLStreamException {
        writer.writeStartElement("akdb", "DisplayInformation", AKDB_NS);
        writer.writeStartElement("classic-ui", "Version", CLASSIC_UI_NS);
        writer.writeNamespace("classic-ui", CLASSIC_UI_NS);
        writeText(writer, "OrganizationDisplayName", display.organizationDisplayName());
        writeText(writer, "OnlineServiceId", display.onlineServiceId());
        writeText(writer, "Lang", display.lang());
        if (display.backUrl().isPresent()) {
            writeText(writer, "BackURL", display.backUrl().get());
        }
        if (display.purpose().isPresent()) {
            writeText(writer, "Purpose", display.purpose().get());
        }
        writer.writeEndElement();
        writer.writeEndElement();
    }

    private static void writeText(XMLStreamWriter writer, String localName, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        writer.writeStartElement("classic-ui", localName, CLASSIC_UI_NS);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }
}
