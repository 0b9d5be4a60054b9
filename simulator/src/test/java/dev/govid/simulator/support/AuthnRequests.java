package dev.govid.simulator.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds AuthnRequests like a BundID relying party would, deliberately with unusual namespace prefixes, and
 * signs them with the JDK's own XML signature API (not Santuario).
 */
public final class AuthnRequests {
    public static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";
    public static final String GIVEN_NAME = "urn:oid:2.5.4.42";
    public static final String SURNAME = "urn:oid:2.5.4.4";
    public static final String MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    public static final String POSTAL_ADDRESS = "urn:oid:2.5.4.16";
    public static final String QAA_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";
    public static final String PROVED_BY = "urn:oid:1.3.6.1.4.1.25484.494450.2";
    public static final String EIDAS_COUNTRY = "urn:oid:1.3.6.1.4.1.25484.494450.10.1";

    public static final String DEFAULT_ATTRIBUTES = requested(BPK2, true)
            + requested(GIVEN_NAME, true)
            + requested(SURNAME, true)
            + requested(MAIL, false)
            + requested(POSTAL_ADDRESS, false)
            + requested(QAA_LEVEL, false)
            + requested(PROVED_BY, false);

    public static final String DEFAULT_DISPLAY_INFORMATION =
            "<bund:DisplayInformation><ui:Version xmlns:ui=\"https://www.akdb.de/request/2018/09/classic-ui/v1\">"
                    + "<ui:OrganizationDisplayName>Stadt Musterhausen</ui:OrganizationDisplayName>"
                    + "<ui:OnlineServiceId>99000001234567</ui:OnlineServiceId>"
                    + "<ui:Lang>de</ui:Lang><ui:BackURL>https://sp.example.test/back</ui:BackURL>"
                    + "<ui:Purpose>Antrag auf Anwohnerparkausweis</ui:Purpose>"
                    + "</ui:Version></bund:DisplayInformation>";

    private AuthnRequests() {}

    public static String requested(String name, boolean required) {
        return "<bund:RequestedAttribute Name=\"" + name + "\" RequiredAttribute=\"" + required + "\"/>";
    }

    public static String method(String name, boolean enabled) {
        return "<bund:" + name + "><bund:Enabled>" + enabled + "</bund:Enabled></bund:" + name + ">";
    }

    public static String akdbExtension(String version, String methods, String attributes, String displayInfo) {
        return "<p:Extensions><bund:AuthenticationRequest xmlns:bund=\"https://www.akdb.de/request/2018/09\""
                + (version == null ? "" : " Version=\"" + version + "\"") + " EnableStatusDetail=\"true\">"
                + (methods == null ? "" : "<bund:AuthnMethods>" + methods + "</bund:AuthnMethods>")
                + (attributes == null ? "" : "<bund:RequestedAttributes>" + attributes + "</bund:RequestedAttributes>")
                + (displayInfo == null ? "" : displayInfo)
                + "</bund:AuthenticationRequest></p:Extensions>";
    }

    public static String defaultExtension() {
        return akdbExtension(
                "2",
                method("eID", true) + method("Elster", true) + method("FINK", false),
                DEFAULT_ATTRIBUTES,
                DEFAULT_DISPLAY_INFORMATION);
    }

    public static String minimumLevel(int level) {
        return "<p:RequestedAuthnContext Comparison=\"minimum\"><a:AuthnContextClassRef>STORK-QAA-Level-" + level
                + "</a:AuthnContextClassRef></p:RequestedAuthnContext>";
    }

    /** An unsigned AuthnRequest; {@code extensions} and {@code authnContext} may be empty. */
    public static String xml(String id, String issuer, String destination, String extensions, String authnContext) {
        return "<p:AuthnRequest xmlns:p=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:a=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + Instant.now() + "\" Destination=\"" + destination + "\" "
                + "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "AssertionConsumerServiceURL=\"" + TestServiceProvider.ACS_URL + "\">"
                + "<a:Issuer>" + issuer + "</a:Issuer>" + extensions
                + "<p:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\" AllowCreate=\"true\"/>"
                + authnContext + "</p:AuthnRequest>";
    }

    public static String newId() {
        return "ID_" + UUID.randomUUID();
    }

    /** Enveloped signature right after the Issuer, made with javax.xml.crypto. */
    public static String signEnveloped(String xml, PrivateKey key, X509Certificate cert, String signatureMethod) {
        try {
            Document doc = SecureXml.parse(xml);
            Element root = doc.getDocumentElement();
            root.setIdAttributeNS(null, "ID", true);
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            Reference ref = fac.newReference(
                    "#" + root.getAttribute("ID"),
                    fac.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(
                            fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null,
                    null);
            SignedInfo si = fac.newSignedInfo(
                    fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    fac.newSignatureMethod(signatureMethod, null),
                    List.of(ref));
            KeyInfoFactory kif = fac.getKeyInfoFactory();
            Node issuer = root.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer")
                    .item(0);
            DOMSignContext ctx = new DOMSignContext(key, root, issuer.getNextSibling());
            ctx.setDefaultNamespacePrefix("ds");
            fac.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newX509Data(List.of(cert)))))
                    .sign(ctx);
            return SecureXml.serialize(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signEnveloped(String xml, TestServiceProvider sp) {
        return signEnveloped(xml, sp.privateKey(), sp.certificate(), SignatureMethod.RSA_SHA256);
    }

    /** The query string of an HTTP-Redirect binding request, signed per SAML bindings §3.4.4.1. */
    public static String redirectQuery(String xml, String relayState, PrivateKey key, String sigAlg) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
                deflate.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            String query = "SAMLRequest=" + enc(Base64.getEncoder().encodeToString(out.toByteArray()))
                    + (relayState == null ? "" : "&RelayState=" + enc(relayState));
            if (sigAlg == null) {
                return query;
            }
            query += "&SigAlg=" + enc(sigAlg);
            Signature signer =
                    switch (sigAlg) {
                        case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" ->
                            Signature.getInstance("SHA256withRSA");
                        case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" ->
                            Signature.getInstance("SHA512withRSA");
                        default -> {
                            Signature pss = Signature.getInstance("RSASSA-PSS");
                            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                            yield pss;
                        }
                    };
            signer.initSign(key);
            signer.update(query.getBytes(StandardCharsets.UTF_8));
            return query + "&Signature=" + enc(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
