package dev.govid.keycloak.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one hardened parser for XML that Keycloak's SAML parser never sees: documents inside eID attributes
 * (e.g. a base64 mandate document) and the SOAP requests of the SAML1 back channel. Namespace aware, DOCTYPE
 * forbidden (which also rules out entity expansion such as billion laughs and XXE), no external access,
 * secure-processing limits. The factory is configured once and each thread reuses its builder: factory lookup
 * is the expensive part.
 */
public final class SecureXml {

    /** The parser feature whose URI appears in the (localized) error message when a DOCTYPE is refused. */
    public static final String DISALLOW_DOCTYPE_FEATURE = "http://apache.org/xml/features/disallow-doctype-decl";

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings do not make a document unacceptable.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {}

    /** Parses untrusted XML; anything unacceptable is an {@link IllegalArgumentException} naming the reason. */
    public static Document parse(byte[] xml) {
        try {
            return parseOrThrow(xml);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not acceptable XML: " + e.getMessage(), e);
        }
    }

    /** Parses untrusted XML, leaving the parser's own exception to callers that answer with its reason. */
    public static Document parseOrThrow(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder = BUILDER.get();
        // Without a handler the JDK parser prints every fatal error to stderr before throwing it.
        builder.setErrorHandler(RETHROW);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } finally {
            builder.reset();
        }
    }

    /** An empty document from the same factory, for messages we build ourselves. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    private static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            // The JDK's parser, so the feature names below are known to be honoured.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE_FEATURE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
