package dev.govid.keycloak.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class AkdbRequestExtensionTest {

    private static final String NS = AkdbRequestExtension.AKDB_NS;
    private static final String UI = AkdbRequestExtension.CLASSIC_UI_NS;

    @Test
    void writesVersion2WithAttributesMethodsAndDisplayInformation() throws Exception {
        Map<BundIdAttribute, Boolean> attributes = new LinkedHashMap<>();
        attributes.put(BundIdAttribute.BPK2, true);
        attributes.put(BundIdAttribute.MAIL, false);
        AkdbRequestExtension extension = new AkdbRequestExtension(
                attributes,
                List.of(AuthnMethod.EID, AuthnMethod.ELSTER),
                true,
                new AkdbRequestExtension.DisplayInformation(
                        "Stadt Musterstadt",
                        "BMI-4711",
                        "en",
                        Optional.of("https://service.example/back"),
                        Optional.empty()));

        Document doc = write(extension);
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("AuthenticationRequest");
        assertThat(root.getAttribute("Version")).isEqualTo("2");
        assertThat(root.getAttribute("EnableStatusDetail")).isEqualTo("true");

        NodeList requested = doc.getElementsByTagNameNS(NS, "RequestedAttribute");
        assertThat(requested.getLength()).isEqualTo(2);
        assertThat(((Element) requested.item(0)).getAttribute("Name")).isEqualTo(BundIdAttribute.BPK2.oid());
        assertThat(((Element) requested.item(0)).getAttribute("RequiredAttribute"))
                .isEqualTo("true");
        assertThat(((Element) requested.item(1)).getAttribute("RequiredAttribute"))
                .isEqualTo("false");

        Element eid = (Element) doc.getElementsByTagNameNS(NS, "eID").item(0);
        assertThat(eid.getTextContent()).isEqualTo("true");
        Element authega = (Element) doc.getElementsByTagNameNS(NS, "Authega").item(0);
        assertThat(authega.getTextContent()).isEqualTo("false");

        assertThat(doc.getElementsByTagNameNS(UI, "OrganizationDisplayName")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Stadt Musterstadt");
        assertThat(doc.getElementsByTagNameNS(UI, "OnlineServiceId").item(0).getTextContent())
                .isEqualTo("BMI-4711");
        assertThat(doc.getElementsByTagNameNS(UI, "Lang").item(0).getTextContent())
                .isEqualTo("en");
        assertThat(doc.getElementsByTagNameNS(UI, "BackURL").item(0).getTextContent())
                .isEqualTo("https://service.example/back");
        assertThat(doc.getElementsByTagNameNS(UI, "Purpose").getLength()).isZero();
    }

    @Test
    void omitsAuthnMethodsWhenEveryMethodIsAllowed() throws Exception {
        AkdbRequestExtension extension = new AkdbRequestExtension(
                Map.of(BundIdAttribute.BPK2, true),
                List.of(),
                false,
                new AkdbRequestExtension.DisplayInformation(
                        "Amt & <Co>", "BMI-1", "de", Optional.empty(), Optional.of("Antrag")));
        Document doc = write(extension);
        assertThat(doc.getElementsByTagNameNS(NS, "AuthnMethods").getLength()).isZero();
        assertThat(doc.getDocumentElement().getAttribute("EnableStatusDetail")).isEqualTo("false");
        assertThat(doc.getElementsByTagNameNS(UI, "OrganizationDisplayName")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Amt & <Co>");
    }

    private static Document write(AkdbRequestExtension extension) throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        extension.write(writer);
        writer.flush();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
    }
}
