package dev.govid.keycloak.it.saml1;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;

/**
 * Validates every {@code samlp:Response} a GetAuthenticationData call returns against the OASIS SAML schemas of the
 * version it declares: {@code MinorVersion="0"} against SAML 1.0 ({@code cs-sstc-schema-*-01.xsd}), {@code "1"}
 * against SAML 1.1 ({@code cs-sstc-schema-*-1.1.xsd}), both as shipped in the OpenSAML 2.6.4 jar, with the XML
 * Signature schema from its xmltooling jar and a stub for the person-data type GovID names in {@code xsi:type}.
 */
final class Saml1Schema {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:1.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final Schema SAML10 =
            schema("schema/cs-sstc-schema-protocol-01.xsd", "schema/cs-sstc-schema-assertion-01.xsd");
    private static final Schema SAML11 =
            schema("schema/cs-sstc-schema-protocol-1.1.xsd", "schema/cs-sstc-schema-assertion-1.1.xsd");

    private Saml1Schema() {}

    /** Throws {@link AssertionError} naming the schema violation unless the body's samlp:Response is valid. */
    static void assertValidResponse(String soapBody) {
        Element response = responseOf(soapBody);
        if (response == null) {
            return; // a SOAP fault or a plain error: not a SAML response
        }
        String minor = response.getAttribute("MinorVersion");
        Schema schema =
                switch (minor) {
                    case "0" -> SAML10;
                    case "1" -> SAML11;
                    default -> throw new AssertionError("samlp:Response with MinorVersion '" + minor + "'");
                };
        try {
            schema.newValidator().validate(new DOMSource(response));
        } catch (Exception e) {
            throw new AssertionError("SAML 1." + minor + " schema violation: " + e.getMessage() + "\n" + soapBody, e);
        }
    }

    private static Element responseOf(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
            return (Element) document.getElementsByTagNameNS(SAMLP, "Response").item(0);
        } catch (Exception notXml) {
            return null;
        }
    }

    private static Schema schema(String protocol, String assertion) {
        Map<String, String> byNamespace = Map.of(SAML, assertion, DSIG, "schema/xmldsig-core-schema.xsd");
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The jar's imports name classpath: locations (and a 1.1 assertion draft file it does not ship), so
            // imports are resolved by namespace to the schema of the same version.
            factory.setResourceResolver(resolver(byNamespace));
            return factory.newSchema(new Source[] {source(protocol), source("schema-stubs/persondata-stub.xsd")});
        } catch (Exception e) {
            throw new IllegalStateException("SAML schemas not loadable", e);
        }
    }

    private static StreamSource source(String resource) {
        URL url = Saml1Schema.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema not on the test classpath: " + resource);
        }
        return new StreamSource(url.toExternalForm());
    }

    private static LSResourceResolver resolver(Map<String, String> byNamespace) {
        return (type, namespace, publicId, systemId, baseUri) -> {
            String resource = byNamespace.get(namespace);
            if (resource == null) {
                return null;
            }
            URL url = Saml1Schema.class.getClassLoader().getResource(resource);
            return url == null ? null : new ClasspathInput(url, publicId);
        };
    }

    /** The minimal LSInput: a system id the parser opens itself. */
    private record ClasspathInput(URL url, String publicId) implements LSInput {
        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {}

        @Override
        public InputStream getByteStream() {
            return null;
        }

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public String getSystemId() {
            return url.toExternalForm();
        }

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }
}
