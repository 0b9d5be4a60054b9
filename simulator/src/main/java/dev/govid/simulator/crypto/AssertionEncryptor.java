package dev.govid.simulator.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import dev.govid.simulator.DataEncryption;
import dev.govid.simulator.KeyTransport;
import dev.govid.simulator.xml.SamlNamespaces;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Replaces a saml:Assertion by saml:EncryptedAssertion for one SP certificate. */
public final class AssertionEncryptor {
    private static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private final DataEncryption dataEncryption;
    private final KeyTransport keyTransport;

    public AssertionEncryptor(DataEncryption dataEncryption, KeyTransport keyTransport) {
        this.dataEncryption = dataEncryption;
        this.keyTransport = keyTransport;
    }

    /** @return the new saml:EncryptedAssertion element, which has taken the assertion's place */
    public Element encrypt(Element assertion, X509Certificate spEncryptionCertificate) {
        CryptoSetup.ensureInitialized();
        Document doc = assertion.getOwnerDocument();
        try {
            byte[] plaintext = standalone(assertion);
            SecretKey contentKey = newContentKey();
            EncryptedKey encryptedKey = wrapKey(doc, contentKey, spEncryptionCertificate);

            XMLCipher dataCipher = XMLCipher.getInstance(dataEncryption.uri());
            dataCipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
            EncryptedData encryptedData =
                    dataCipher.encryptData(doc, EncryptionConstants.TYPE_ELEMENT, new ByteArrayInputStream(plaintext));
            KeyInfo keyInfo = new KeyInfo(doc);
            keyInfo.add(encryptedKey);
            encryptedData.setKeyInfo(keyInfo);

            Element encryptedAssertion = doc.createElementNS(SamlNamespaces.ASSERTION, "saml:EncryptedAssertion");
            encryptedAssertion.appendChild(dataCipher.martial(doc, encryptedData));
            assertion.getParentNode().replaceChild(encryptedAssertion, assertion);
            return encryptedAssertion;
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt assertion: " + e.getMessage(), e);
        }
    }

    /**
     * Relying parties decrypt the assertion and parse it on its own, as real IdPs' assertions are
     * self-contained; serialising it in its own document keeps every namespace declaration it uses,
     * where an in-place serialisation drops those the enclosing Response already declares.
     */
    private static byte[] standalone(Element assertion) throws Exception {
        Document own = DocumentBuilderFactory.newDefaultNSInstance()
                .newDocumentBuilder()
                .newDocument();
        own.appendChild(own.importNode(assertion, true));
        Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(own), new StreamResult(out));
        return out.toByteArray();
    }

    private EncryptedKey wrapKey(Document doc, SecretKey contentKey, X509Certificate certificate) throws Exception {
        XMLCipher keyCipher;
        String mgf = null;
        if (keyTransport == KeyTransport.RSA_OAEP) {
            keyCipher = XMLCipher.getInstance(keyTransport.uri(), null, DIGEST_SHA256);
            mgf = EncryptionConstants.MGF1_SHA256;
        } else {
            keyCipher = XMLCipher.getInstance(keyTransport.uri());
        }
        keyCipher.init(XMLCipher.WRAP_MODE, certificate.getPublicKey());
        return keyCipher.encryptKey(doc, contentKey, mgf, null);
    }

    private SecretKey newContentKey() throws NoSuchAlgorithmException {
        KeyGenerator generator = KeyGenerator.getInstance(dataEncryption.keyAlgorithm());
        generator.init(dataEncryption.keySize());
        return generator.generateKey();
    }
}
