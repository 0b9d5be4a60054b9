package dev.govid.simulator.response;

import static dev.govid.simulator.xml.SamlNamespaces.ASSERTION;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import dev.govid.simulator.DataEncryption;
import dev.govid.simulator.Fault;
import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.KeyTransport;
import dev.govid.simulator.SignatureAlgorithm;
import dev.govid.simulator.TrustLevelVocabulary;
import dev.govid.simulator.crypto.AssertionEncryptor;
import dev.govid.simulator.crypto.EnvelopedSigner;
import dev.govid.simulator.crypto.IdpCredential;
import dev.govid.simulator.login.LoginTransaction;
import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SamlNamespaces;
import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Produces the signed (and usually encrypted) SAML Responses, including the deliberately broken ones. */
public final class ResponseIssuer {
    public static final String WRONG_AUDIENCE = "https://wrong.example/sp";
    public static final String WRONG_DESTINATION = "https://wrong.example/acs";
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    /** Settings that shape every response. */
    public record Settings(
            String idpEntityId,
            SignatureAlgorithm signatureAlgorithm,
            DataEncryption dataEncryption,
            KeyTransport keyTransport,
            TrustLevelVocabulary vocabulary,
            boolean signAssertion) {

        /** The same settings for another IdP identity and signature algorithm (the PVP mode). */
        public Settings forIdentity(String otherEntityId, SignatureAlgorithm otherAlgorithm) {
            return new Settings(otherEntityId, otherAlgorithm, dataEncryption, keyTransport, vocabulary, signAssertion);
        }
    }

    private final Settings settings;
    private final EnvelopedSigner signer;
    private final AssertionEncryptor encryptor;
    private final Clock clock;
    private final Consumer<String> log;

    public ResponseIssuer(Settings settings, IdpCredential credential, Clock clock, Consumer<String> log) {
        this.settings = settings;
        this.signer = new EnvelopedSigner(credential.privateKey(), credential.certificate());
        this.encryptor = new AssertionEncryptor(settings.dataEncryption(), settings.keyTransport());
        this.clock = clock;
        this.log = log;
    }

    /** BundID success: transient NameID, {@code STORK-QAA-Level-n}, attributes with akdb:TrustLevel. */
    public IssuedResponse success(
            LoginTransaction tx, int storkLevel, List<ReleasedAttribute> attributes, Fault fault) {
        AssertionContent content = new AssertionContent(
                SamlNamespaces.NAMEID_TRANSIENT,
                SamlXmlBuilder.newId(),
                "STORK-QAA-Level-" + storkLevel,
                attributes,
                settings.vocabulary());
        return success(tx.target(), content, fault);
    }

    public IssuedResponse success(ResponseTarget target, AssertionContent content, Fault fault) {
        Instant now = clock.instant();
        boolean expired = fault == Fault.EXPIRED;
        Instant issueInstant = expired ? now.minus(Duration.ofMinutes(20)) : now;
        Instant notOnOrAfter = expired ? now.minus(Duration.ofMinutes(10)) : now.plus(VALIDITY);
        String destination = fault == Fault.WRONG_DESTINATION ? WRONG_DESTINATION : target.acsUrl();
        String audience =
                fault == Fault.WRONG_AUDIENCE ? WRONG_AUDIENCE : target.sp().entityId();

        Document doc = SamlXmlBuilder.response(
                settings.idpEntityId(), issueInstant, destination, target.requestId(), SamlStatus.success());
        SamlXmlBuilder.appendAssertion(
                doc.getDocumentElement(),
                new SamlXmlBuilder.AssertionSpec(
                        settings.idpEntityId(),
                        issueInstant,
                        issueInstant.minus(CLOCK_SKEW),
                        notOnOrAfter,
                        target.acsUrl(),
                        target.requestId(),
                        audience,
                        target.sp().entityId(),
                        content));
        doc = reparse(doc);

        Element assertion =
                Dom.child(doc.getDocumentElement(), ASSERTION, "Assertion").orElseThrow();
        SignatureAlgorithm assertionAlgorithm = fault.crypto().assertionSignatureAlgorithm();
        if (settings.signAssertion() || fault == Fault.ASSERTION_SIGNED_ONLY || assertionAlgorithm != null) {
            signer.sign(
                    assertion,
                    Dom.child(assertion, ASSERTION, "Issuer").orElseThrow(),
                    assertionAlgorithm != null ? assertionAlgorithm.uri() : signatureAlgorithm(fault),
                    digest(fault));
        }
        String assertionXml = SecureXml.serialize(assertion);
        if (fault != Fault.PLAIN_ASSERTION) {
            encryptFor(target, assertion, encryptorFor(fault));
        }
        doc = reparse(doc);

        boolean signResponse = fault != Fault.UNSIGNED && fault != Fault.ASSERTION_SIGNED_ONLY;
        String xml = finish(doc, signResponse, fault);
        return new IssuedResponse(
                target.transactionId(),
                target.sp().entityId(),
                target.acsUrl(),
                target.relayState(),
                xml,
                assertionXml,
                fault,
                SamlStatus.SUCCESS,
                now,
                target.forceAuthn());
    }

    public IssuedResponse error(LoginTransaction tx, SamlStatus status) {
        return error(tx.target(), status);
    }

    public IssuedResponse error(ResponseTarget target, SamlStatus status) {
        Instant now = clock.instant();
        Document doc = reparse(
                SamlXmlBuilder.response(settings.idpEntityId(), now, target.acsUrl(), target.requestId(), status));
        String xml = finish(doc, true, Fault.NONE);
        return new IssuedResponse(
                target.transactionId(),
                target.sp().entityId(),
                target.acsUrl(),
                target.relayState(),
                xml,
                null,
                Fault.NONE,
                status.code(),
                now,
                target.forceAuthn());
    }

    /** The configured encryptor, or one with a crypto scenario's algorithms. */
    private AssertionEncryptor encryptorFor(Fault fault) {
        Fault.Crypto crypto = fault.crypto();
        if (crypto.dataEncryption() == null && crypto.keyTransport() == null) {
            return encryptor;
        }
        return new AssertionEncryptor(
                crypto.dataEncryption() != null ? crypto.dataEncryption() : settings.dataEncryption(),
                crypto.keyTransport() != null ? crypto.keyTransport() : settings.keyTransport());
    }

    private String signatureAlgorithm(Fault fault) {
        SignatureAlgorithm override = fault.crypto().signatureAlgorithm();
        return (override != null ? override : settings.signatureAlgorithm()).uri();
    }

    private static String digest(Fault fault) {
        String override = fault.crypto().digestUri();
        return override != null ? override : DIGEST_SHA256;
    }

    private void encryptFor(ResponseTarget target, Element assertion, AssertionEncryptor encryptor) {
        List<X509Certificate> certs = target.sp().encryptionCertificates();
        if (certs.isEmpty()) {
            // A stock broker without an encryption key still gets a usable (plain) assertion.
            log.accept("warning: SP " + target.sp().entityId()
                    + " has no encryption certificate; assertion sent in clear");
            return;
        }
        encryptor.encrypt(assertion, certs.get(0));
    }

    private String finish(Document doc, boolean sign, Fault fault) {
        Element response = doc.getDocumentElement();
        if (sign) {
            signer.sign(
                    response,
                    Dom.child(response, ASSERTION, "Issuer").orElseThrow(),
                    signatureAlgorithm(fault),
                    digest(fault));
        }
        if (fault == Fault.TAMPERED_SIGNATURE) {
            FaultInjector.tamperSignedResponse(response);
        }
        String xml = SecureXml.serialize(doc);
        return switch (fault) {
            case XXE -> FaultInjector.withExternalEntity(xml);
            case ENTITY_EXPANSION -> FaultInjector.withEntityExpansion(xml);
            default -> xml;
        };
    }

    /**
     * A serialise/parse round trip makes the DOM look exactly like what the receiver will parse, so digests
     * computed on it match on the other side.
     */
    private static Document reparse(Document doc) {
        return SecureXml.parse(SecureXml.serialize(doc));
    }
}
