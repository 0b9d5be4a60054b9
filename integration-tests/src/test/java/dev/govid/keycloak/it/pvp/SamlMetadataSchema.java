package dev.govid.keycloak.it.pvp;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Validates SAML metadata against OASIS' saml-schema-metadata-2.0.xsd (with the XMLDSig, XML Encryption and
 * assertion schemas it imports), all read from the OpenSAML jar on the test class path, never from the network.
 */
final class SamlMetadataSchema {

    private SamlMetadataSchema() {}

    /** @throws SAXException naming the first violation */
    static void validate(String metadataXml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new ClasspathResolver());
        Schema schema = factory.newSchema(new StreamSource(
                resource("saml-schema-metadata-2.0.xsd").openStream(),
                resource("saml-schema-metadata-2.0.xsd").toExternalForm()));
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new StringReader(metadataXml)));
    }

    private static URL resource(String name) {
        URL url = SamlMetadataSchema.class.getResource("/schema/" + name);
        if (url == null) {
            throw new IllegalStateException("schema " + name + " not on the class path (OpenSAML jar)");
        }
        return url;
    }

    /** Maps the schemas' {@code classpath:/schema/…} and W3C locations to the jar; a DTD gets an empty document. */
    private static final class ClasspathResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(
                String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            InputStream in = name.endsWith(".xsd")
                    ? SamlMetadataSchema.class.getResourceAsStream("/schema/" + name)
                    : new java.io.ByteArrayInputStream(new byte[0]);
            if (in == null) {
                throw new IllegalStateException("no schema " + systemId + " on the class path");
            }
            return new Input(publicId, systemId, baseUri, in);
        }
    }

    private record Input(String publicId, String systemId, String baseURI, InputStream byteStream) implements LSInput {
        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {}

        @Override
        public InputStream getByteStream() {
            return byteStream;
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
            return systemId;
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
            return baseURI;
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
