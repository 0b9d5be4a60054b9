package dev.govid.keycloak.saml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.govid.keycloak.saml.AlgorithmPolicy.AlgorithmUse;

/**
 * Looks at a POSTed {@code SAMLResponse} before Keycloak's {@code SAMLEndpoint} parses, decrypts or verifies
 * it, in one streaming pass that cannot overflow the stack: base64 and XML well-formedness, size, nesting
 * depth and element count limits (Keycloak's DOM parser and its recursive SAML parsers have none, so a
 * 5,000-deep {@code samlp:Extensions} ends in a {@code StackOverflowError}), the algorithm allow-list, and an
 * assertion sent in clear. The streaming parse costs a fraction of Keycloak's DOM parse that follows.
 */
public final class InboundResponseInspector {

    static final int MAX_DECODED_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 50;
    static final int MAX_ELEMENTS = 10_000;
    static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";

    /** The JDK's own StAX implementation: no DTD processing, no external access, the same on every install. */
    private static final XMLInputFactory FACTORY = newFactory();

    private final AlgorithmPolicy policy;

    public InboundResponseInspector(AlgorithmPolicy policy) {
        this.policy = policy;
    }

    /** What the inspection found; {@link Finding#ACCEPTABLE} hands the response on to Keycloak. */
    public enum Finding {
        ACCEPTABLE,
        /** Not base64, not XML, or not a SAML response at all. */
        UNREADABLE,
        /** Larger, deeper or with more elements or attributes than any real eID response. */
        TOO_COMPLEX,
        /** An algorithm outside the profile's allow-list. */
        WEAK_ALGORITHM,
        /** A {@code saml:Assertion} in clear where the profile demands {@code saml:EncryptedAssertion}. */
        NOT_ENCRYPTED
    }

    /** The finding and, for refusals, a one-line reason for the log (never shown to the person). */
    public record Verdict(Finding finding, String reason) {
        static final Verdict OK = new Verdict(Finding.ACCEPTABLE, null);

        public boolean acceptable() {
            return finding == Finding.ACCEPTABLE;
        }
    }

    public Verdict inspect(String base64Response) {
        byte[] xml;
        try {
            xml = decode(base64Response);
        } catch (IllegalArgumentException e) {
            return new Verdict(Finding.UNREADABLE, "SAMLResponse is not base64");
        }
        if (xml.length > MAX_DECODED_BYTES) {
            return new Verdict(
                    Finding.TOO_COMPLEX, "SAMLResponse has " + xml.length + " bytes (limit " + MAX_DECODED_BYTES + ")");
        }
        try {
            return walk(xml);
        } catch (XMLStreamException | RuntimeException e) {
            return new Verdict(Finding.UNREADABLE, "SAMLResponse is not well-formed XML");
        }
    }

    private static byte[] decode(String base64) {
        // Strict alphabet (the MIME decoder would silently skip garbage); line breaks are allowed by the binding.
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        if (compact.length() > (MAX_DECODED_BYTES / 3 + 1) * 4) {
            return new byte[MAX_DECODED_BYTES + 1];
        }
        return Base64.getDecoder().decode(compact.toString());
    }

    private Verdict walk(byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            Deque<String> open = new ArrayDeque<>();
            int elements = 0;
            // Per open xenc:EncryptionMethod: its algorithm; per open EncryptedData/EncryptedKey: whether it named one.
            Deque<String> encryptionMethods = new ArrayDeque<>();
            Deque<boolean[]> encryptedStructures = new ArrayDeque<>();
            boolean mgfNamed = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    // SAML never needs one; refused here (nothing is expanded) instead of by Keycloak's parser,
                    // which logs a stack trace for it.
                    return new Verdict(Finding.UNREADABLE, "SAMLResponse has a DOCTYPE");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    elements++;
                    if (open.size() + 1 > MAX_DEPTH
                            || elements > MAX_ELEMENTS
                            || reader.getAttributeCount() > MAX_ATTRIBUTES_PER_ELEMENT) {
                        return new Verdict(
                                Finding.TOO_COMPLEX,
                                "SAMLResponse exceeds the nesting depth " + MAX_DEPTH + ", element count "
                                        + MAX_ELEMENTS + " or attribute count " + MAX_ATTRIBUTES_PER_ELEMENT);
                    }
                    String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    String name = reader.getLocalName();
                    if (open.isEmpty() && !(SAMLP.equals(ns) && name.endsWith("Response"))) {
                        return new Verdict(
                                Finding.UNREADABLE, "SAMLResponse holds <" + name + "> instead of a SAML response");
                    }
                    if (open.size() == 1 && SAML.equals(ns) && "Assertion".equals(name)) {
                        return new Verdict(Finding.NOT_ENCRYPTED, "assertion sent unencrypted");
                    }
                    Optional<String> refusal = Optional.empty();
                    String algorithm = reader.getAttributeValue(null, "Algorithm");
                    if (XENC.equals(ns) && ("EncryptedData".equals(name) || "EncryptedKey".equals(name))) {
                        encryptedStructures.push(new boolean[1]);
                    } else if (XENC.equals(ns) && "EncryptionMethod".equals(name)) {
                        if (!encryptedStructures.isEmpty()) {
                            encryptedStructures.peek()[0] = true;
                        }
                        refusal = check(AlgorithmUse.ENCRYPTION, algorithm);
                        encryptionMethods.push(algorithm == null ? "" : algorithm);
                        mgfNamed = false;
                    } else if (DS.equals(ns) && "SignatureMethod".equals(name)) {
                        refusal = check(AlgorithmUse.SIGNATURE, algorithm);
                    } else if (DS.equals(ns) && "DigestMethod".equals(name)) {
                        refusal = check(
                                encryptionMethods.isEmpty() ? AlgorithmUse.REFERENCE_DIGEST : AlgorithmUse.OAEP_DIGEST,
                                algorithm);
                    } else if (XENC11.equals(ns) && "MGF".equals(name)) {
                        refusal = check(AlgorithmUse.MASK_GENERATION, algorithm);
                        mgfNamed = true;
                    }
                    if (refusal.isPresent()) {
                        return new Verdict(Finding.WEAK_ALGORITHM, refusal.get());
                    }
                    open.push(ns + ' ' + name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String closed = open.pop();
                    if (closed.equals(XENC + " EncryptionMethod")) {
                        String algorithm = encryptionMethods.pop();
                        if (AlgorithmPolicy.RSA_OAEP_11.equals(algorithm) && !mgfNamed) {
                            return new Verdict(
                                    Finding.WEAK_ALGORITHM,
                                    "RSA-OAEP (xmlenc 1.1) without MGF1-SHA256 or stronger (defaults to MGF1-SHA1)");
                        }
                    } else if (closed.equals(XENC + " EncryptedData") || closed.equals(XENC + " EncryptedKey")) {
                        if (!encryptedStructures.pop()[0]) {
                            return new Verdict(
                                    Finding.WEAK_ALGORITHM, "encrypted content that does not name its algorithm");
                        }
                    }
                }
            }
            return Verdict.OK;
        } finally {
            reader.close();
        }
    }

    private Optional<String> check(AlgorithmUse use, String algorithm) {
        if (algorithm == null || algorithm.isBlank()) {
            return Optional.of(use.name().toLowerCase() + " without an Algorithm");
        }
        return policy.refusal(use, algorithm.trim());
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
