package dev.govid.simulator.digid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.govid.simulator.crypto.CryptoSetup;
import dev.govid.simulator.crypto.EnvelopedSigner;
import dev.govid.simulator.crypto.IdpCredential;
import dev.govid.simulator.login.SignedRequestVerifier;
import dev.govid.simulator.request.PostBindingSignatureVerifier;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.request.SignatureCheck;
import dev.govid.simulator.sp.AssertionConsumerService;
import dev.govid.simulator.sp.SpMetadata;
import dev.govid.simulator.sp.SpRegistry;
import dev.govid.simulator.web.ErrorPage;
import dev.govid.simulator.web.HttpRouter;
import dev.govid.simulator.web.WebReply;
import dev.govid.simulator.web.WebRequest;
import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SamlNamespaces;
import dev.govid.simulator.xml.SecureXml;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The DigiD IdP of the simulator, under {@code /digid} on the simulator's port; its ArtifactResolutionService runs on
 * a separate https port that demands a TLS client certificate its trust store knows ({@link #startBackChannel}).
 * The generation follows the request: an AuthnRequest naming its ACS by index is answered as 4.x, one with an ACS
 * URL as 3.x.
 */
public final class DigidIdp implements AutoCloseable {

    public static final String METADATA_PATH = "/digid/metadata";
    public static final String SSO_PATH = "/digid/sso";
    public static final String LOGIN_PATH = "/digid/login";
    public static final String RESOLVE_PATH = "/digid/resolve";
    /** The ServiceUUID the simulator answers with unless told another (the demo realm registers this one). */
    public static final String DEFAULT_SERVICE_UUID = "8d3ad7b4-5e43-4b8b-9d8a-7d8f6e4c2a10";

    static final String SIGNATURE_ALGORITHM = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String ARTIFACT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact";
    static final String SOAP_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP";
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String STATUS = "urn:oasis:names:tc:SAML:2.0:status:";
    private static final Duration ARTIFACT_LIFETIME = Duration.ofMinutes(15);
    private static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String entityId;
    private final IdpCredential credential;
    private final SpRegistry spRegistry;
    private final SignedRequestVerifier verifier;
    private final Consumer<String> log;
    private final Consumer<String> requestLog;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final Map<String, IssuedArtifact> artifacts = new ConcurrentHashMap<>();
    private final Map<String, String> serviceUuids = new ConcurrentHashMap<>();
    private final AtomicInteger resolutions = new AtomicInteger();
    private volatile String artifactResolutionUrl;
    private volatile Answer lastAnswer;
    private HttpsServer backChannel;
    private ExecutorService backChannelExecutor;

    /** @param requestLog one line per back-channel request, for people watching a demo (load runs switch it off) */
    public DigidIdp(
            String baseUrl,
            IdpCredential credential,
            SpRegistry spRegistry,
            Consumer<String> log,
            Consumer<String> requestLog) {
        this.baseUrl = baseUrl;
        this.entityId = baseUrl + "/digid";
        this.credential = credential;
        this.spRegistry = spRegistry;
        this.verifier = new SignedRequestVerifier(spRegistry);
        this.log = log;
        this.requestLog = requestLog;
    }

    /** What the simulator answered last (for tests). */
    public record Answer(
            String transactionId,
            boolean generation4,
            String authnRequestXml,
            String responseXml,
            String artifact,
            String artifactUrl) {}

    private record Transaction(
            String id,
            String requestId,
            String spEntityId,
            String acsUrl,
            boolean generation4,
            String relayState,
            String requestedLevel,
            boolean forceAuthn,
            String requestXml,
            Instant created) {}

    private record IssuedArtifact(String spEntityId, String responseXml, Instant issued, DigidFault fault) {}

    public HttpRouter routes(HttpRouter router) {
        return router.route(
                        "GET",
                        METADATA_PATH,
                        r -> WebReply.xml(200, "application/samlmetadata+xml", metadataXml(), "digid-metadata"))
                .route("POST", SSO_PATH, this::ssoPost)
                .route("GET", SSO_PATH, this::ssoRedirect)
                .route("POST", LOGIN_PATH, this::login);
    }

    /**
     * Starts the ArtifactResolutionService on https. The context's trust store decides which client certificates are
     * registered; a caller without one does not get past the TLS handshake.
     */
    public synchronized void startBackChannel(String host, int port, SSLContext context) {
        try {
            backChannel = HttpsServer.create(new InetSocketAddress(host, port), 32);
            backChannel.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            backChannel.createContext(RESOLVE_PATH, this::handleSoap);
            backChannelExecutor = Executors.newFixedThreadPool(4, runnable -> {
                Thread t = new Thread(runnable, "govid-simulator-digid-soap");
                t.setDaemon(true);
                return t;
            });
            backChannel.setExecutor(backChannelExecutor);
            backChannel.start();
            String urlHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
            artifactResolutionUrl =
                    "https://" + urlHost + ":" + backChannel.getAddress().getPort() + RESOLVE_PATH;
            log.accept("DigiD mode: entityID " + entityId + ", ArtifactResolutionService " + artifactResolutionUrl
                    + " (mutual TLS)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the DigiD back channel on " + host + ":" + port, e);
        }
    }

    public String entityId() {
        return entityId;
    }

    public String metadataUrl() {
        return baseUrl + METADATA_PATH;
    }

    public String artifactResolutionUrl() {
        return artifactResolutionUrl;
    }

    public Optional<Answer> lastAnswer() {
        return Optional.ofNullable(lastAnswer);
    }

    /** How many ArtifactResolve messages the back channel has answered (any outcome). */
    public int resolutions() {
        return resolutions.get();
    }

    /** The ServiceUUID answered to this SP (default {@link #DEFAULT_SERVICE_UUID}). */
    public void setServiceUuid(String spEntityId, String serviceUuid) {
        serviceUuids.put(spEntityId, serviceUuid);
    }

    public String metadataXml() {
        String cert = certificateBase64();
        String ars = artifactResolutionUrl == null ? "" : """
                    <md:ArtifactResolutionService Binding="%s" Location="%s" index="0" isDefault="true"/>
                """.formatted(SOAP_BINDING, ars(artifactResolutionUrl));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                %s    <md:SingleSignOnService Binding="%s" Location="%s"/>
                    <md:SingleSignOnService Binding="%s" Location="%s"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(
                        entityId,
                        cert,
                        ars,
                        SamlNamespaces.BINDING_POST,
                        baseUrl + SSO_PATH,
                        SamlNamespaces.BINDING_REDIRECT,
                        baseUrl + SSO_PATH);
    }

    private static String ars(String url) {
        return url.replace("&", "&amp;");
    }

    // ---- front channel ----

    private WebReply ssoPost(WebRequest request) {
        String encoded = request.formParam("SAMLRequest");
        if (encoded == null) {
            return ErrorPage.render(400, "missing-request", "SAMLRequest fehlt / ontbreekt");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return ErrorPage.render(400, "invalid-request", "SAMLRequest is not base64");
        }
        return accept(xml, request.formParam("RelayState"), null);
    }

    private WebReply ssoRedirect(WebRequest request) {
        RedirectBindingMessage message;
        try {
            message = RedirectBindingMessage.parse(request.rawQuery());
        } catch (RuntimeException e) {
            return ErrorPage.render(400, "invalid-request", "unreadable Redirect-binding request: " + e.getMessage());
        }
        return accept(message.samlRequestXml(), message.relayState(), message);
    }

    private WebReply accept(byte[] xml, String relayState, RedirectBindingMessage redirect) {
        SignedRequestVerifier.VerifiedRequest verified;
        try {
            verified = verifier.verify(xml, redirect);
        } catch (RequestRejectedException e) {
            log.accept("DigiD AuthnRequest refused: " + e.getMessage());
            return ErrorPage.render(400, e.code(), e.getMessage());
        }
        Element request = verified.authnRequest();
        SpMetadata sp = verified.sp();
        String acsUrlAttr = request.getAttribute("AssertionConsumerServiceURL");
        String acsIndexAttr = request.getAttribute("AssertionConsumerServiceIndex");
        boolean generation4 = acsUrlAttr.isEmpty() && !acsIndexAttr.isEmpty();
        String acs;
        if (generation4) {
            Optional<AssertionConsumerService> byIndex = parseInt(acsIndexAttr).flatMap(sp::acsByIndex);
            if (byIndex.isEmpty() || !ARTIFACT_BINDING.equals(byIndex.get().binding())) {
                return ErrorPage.render(
                        400, "unknown-acs", "no HTTP-Artifact AssertionConsumerService with index " + acsIndexAttr);
            }
            if (request.getAttribute("AttributeConsumingServiceIndex").isEmpty()) {
                return ErrorPage.render(
                        400, "no-service", "4.x request names no AttributeConsumingServiceIndex (ServiceUUID)");
            }
            acs = byIndex.get().location();
        } else {
            if (acsUrlAttr.isEmpty() || !sp.knowsAcsLocation(acsUrlAttr)) {
                return ErrorPage.render(
                        400, "unknown-acs", "AssertionConsumerServiceURL not in the SP metadata: " + acsUrlAttr);
            }
            acs = acsUrlAttr;
        }
        String level = Dom.descendants(request, SamlNamespaces.ASSERTION, "AuthnContextClassRef").stream()
                .map(e -> e.getTextContent().trim())
                .findFirst()
                .orElse(null);
        Transaction tx = new Transaction(
                UUID.randomUUID().toString(),
                request.getAttribute("ID"),
                sp.entityId(),
                acs,
                generation4,
                relayState,
                level,
                "true".equals(request.getAttribute("ForceAuthn")),
                new String(xml, StandardCharsets.UTF_8),
                clock.instant());
        transactions
                .values()
                .removeIf(t -> t.created().plus(TRANSACTION_LIFETIME).isBefore(clock.instant()));
        transactions.put(tx.id(), tx);
        return WebReply.html(200, loginPage(tx), "digid-login-page");
    }

    private String loginPage(Transaction tx) {
        StringBuilder personas = new StringBuilder();
        for (DigidPersona p : DigidPersona.ALL) {
            personas.append("<option value=\"")
                    .append(escape(p.id()))
                    .append("\">")
                    .append(escape(p.label()))
                    .append("</option>");
        }
        StringBuilder faults = new StringBuilder();
        for (DigidFault f : DigidFault.values()) {
            faults.append("<option value=\"")
                    .append(f.formValue())
                    .append("\">")
                    .append(f.formValue())
                    .append("</option>");
        }
        String defaultLevel = DigidLevel.parse(tx.requestedLevel())
                .orElse(DigidLevel.MIDDEN)
                .name()
                .toLowerCase();
        StringBuilder levels = new StringBuilder();
        for (DigidLevel l : DigidLevel.values()) {
            String v = l.name().toLowerCase();
            levels.append("<option value=\"")
                    .append(v)
                    .append("\"")
                    .append(v.equals(defaultLevel) ? " selected" : "")
                    .append(">")
                    .append(v)
                    .append("</option>");
        }
        return """
                <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>DigiD simulator</title></head><body>
                <h1>DigiD simulator (%s)</h1><p>Dienst: %s</p>
                <form method="post" action="%s">
                <input type="hidden" name="tx" value="%s">
                <label>Persoon <select name="persona">%s</select></label><br>
                <label>Niveau <select name="level">%s</select></label><br>
                <label>Fout <select name="fault">%s</select></label><br>
                <button type="submit" name="action" value="login">Inloggen</button>
                <button type="submit" name="action" value="cancel">Annuleren</button>
                </form></body></html>
                """.formatted(
                        tx.generation4() ? "4.x" : "3.x",
                        escape(tx.spEntityId()),
                        LOGIN_PATH.substring(1).isEmpty() ? "" : pathOf(baseUrl) + LOGIN_PATH,
                        escape(tx.id()),
                        personas,
                        levels,
                        faults);
    }

    private WebReply login(WebRequest request) {
        Transaction tx = Optional.ofNullable(request.formParam("tx"))
                .map(transactions::remove)
                .orElse(null);
        if (tx == null) {
            return ErrorPage.render(400, "unknown-transaction", "unknown or used login transaction");
        }
        DigidFault fault = DigidFault.parse(request.formParam("fault")).orElse(DigidFault.NONE);
        Optional<SpMetadata> sp = spRegistry.find(tx.spEntityId());
        if (sp.isEmpty()) {
            return ErrorPage.render(400, "unknown-sp", "SP metadata gone: " + tx.spEntityId());
        }
        Document doc = SecureXml.newDocument();
        Element response;
        if ("cancel".equals(request.formParam("action"))) {
            response = statusResponse(doc, tx, "Responder", "AuthnFailed", "Authentication cancelled");
        } else {
            DigidPersona persona =
                    DigidPersona.byId(request.formParam("persona")).orElse(DigidPersona.ALL.get(0));
            DigidLevel level = DigidLevel.parse(request.formParam("level")).orElse(DigidLevel.MIDDEN);
            if (fault == DigidFault.LEVEL_BELOW_REQUEST) {
                level = DigidLevel.BASIS;
            }
            if (persona.machtigingExpired()) {
                response = statusResponse(doc, tx, "Responder", "RequestDenied", "De machtiging is verlopen");
            } else if (persona.actsForSomeoneElse() && !tx.generation4()) {
                response = statusResponse(
                        doc, tx, "Responder", "NoSupportedIDP", "DigiD Machtigen needs the 4.x interface");
            } else {
                response = successResponse(doc, tx, persona, level, fault, sp.get());
            }
        }
        String artifact = newArtifact();
        Instant issued =
                fault == DigidFault.ARTIFACT_OLD ? clock.instant().minus(Duration.ofMinutes(16)) : clock.instant();
        String responseXml = SecureXml.serialize(response);
        artifacts.values().removeIf(a -> a.issued().plus(Duration.ofHours(1)).isBefore(clock.instant()));
        artifacts.put(artifact, new IssuedArtifact(tx.spEntityId(), responseXml, issued, fault));
        String url = tx.acsUrl() + (tx.acsUrl().contains("?") ? "&" : "?") + "SAMLart=" + enc(artifact)
                + (tx.relayState() == null ? "" : "&RelayState=" + enc(tx.relayState()));
        lastAnswer = new Answer(tx.id(), tx.generation4(), tx.requestXml(), responseXml, artifact, url);
        String html = """
                <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=%s">
                <title>DigiD</title></head><body><p><a id="digid-continue" href="%s">Verder</a></p></body></html>
                """.formatted(escape(url), escape(url));
        return WebReply.html(200, html, "digid-artifact");
    }

    private Element successResponse(
            Document doc, Transaction tx, DigidPersona persona, DigidLevel level, DigidFault fault, SpMetadata sp) {
        Instant now = clock.instant();
        Element response = protocolMessage(doc, "samlp:Response", tx.requestId());
        doc.appendChild(response);
        response.setAttribute(
                "Destination", fault == DigidFault.WRONG_DESTINATION ? tx.acsUrl() + "-elsewhere" : tx.acsUrl());
        issuer(response);
        status(response, "Success", null, null);
        Element assertion = doc.createElementNS(SamlNamespaces.ASSERTION, "saml:Assertion");
        assertion.setAttribute("ID", "_" + UUID.randomUUID());
        assertion.setAttribute("Version", "2.0");
        assertion.setAttribute("IssueInstant", now.toString());
        response.appendChild(assertion);
        Dom.appendText(assertion, SamlNamespaces.ASSERTION, "saml:Issuer", entityId);
        Element subject = Dom.append(assertion, SamlNamespaces.ASSERTION, "saml:Subject");
        Element nameId = Dom.appendText(
                subject,
                SamlNamespaces.ASSERTION,
                "saml:NameID",
                tx.generation4() ? "_" + UUID.randomUUID() : "s00000000:" + persona.bsn());
        if (tx.generation4()) {
            nameId.setAttribute("Format", SamlNamespaces.NAMEID_TRANSIENT);
        }
        Element confirmation = Dom.append(subject, SamlNamespaces.ASSERTION, "saml:SubjectConfirmation");
        confirmation.setAttribute("Method", SamlNamespaces.CONFIRMATION_BEARER);
        Element data = Dom.append(confirmation, SamlNamespaces.ASSERTION, "saml:SubjectConfirmationData");
        data.setAttribute("InResponseTo", tx.requestId());
        data.setAttribute("Recipient", tx.acsUrl());
        data.setAttribute("NotOnOrAfter", now.plus(Duration.ofMinutes(2)).toString());
        Element conditions = Dom.append(assertion, SamlNamespaces.ASSERTION, "saml:Conditions");
        conditions.setAttribute("NotBefore", now.minus(Duration.ofMinutes(2)).toString());
        conditions.setAttribute("NotOnOrAfter", now.plus(Duration.ofMinutes(2)).toString());
        Element audience = Dom.append(conditions, SamlNamespaces.ASSERTION, "saml:AudienceRestriction");
        Dom.appendText(
                audience,
                SamlNamespaces.ASSERTION,
                "saml:Audience",
                fault == DigidFault.WRONG_AUDIENCE
                        ? "urn:nl-eid-gdi:1.0:DV:00000000000000000000:entities:9999"
                        : tx.spEntityId());
        Element authn = Dom.append(assertion, SamlNamespaces.ASSERTION, "saml:AuthnStatement");
        authn.setAttribute("AuthnInstant", now.toString());
        authn.setAttribute("SessionIndex", nameId.getTextContent());
        Element context = Dom.append(authn, SamlNamespaces.ASSERTION, "saml:AuthnContext");
        Dom.appendText(context, SamlNamespaces.ASSERTION, "saml:AuthnContextClassRef", level.write(tx.generation4()));
        if (tx.generation4()) {
            Optional<X509Certificate> encryption =
                    sp.encryptionCertificates().stream().findFirst();
            if (encryption.isEmpty()) {
                throw new IllegalStateException("SP " + sp.entityId() + " publishes no encryption certificate");
            }
            Element statement = Dom.append(assertion, SamlNamespaces.ASSERTION, "saml:AttributeStatement");
            String uuid = fault == DigidFault.WRONG_SERVICE_UUID
                    ? UUID.randomUUID().toString()
                    : serviceUuids.getOrDefault(tx.spEntityId(), DEFAULT_SERVICE_UUID);
            Dom.appendText(
                    attribute(statement, "urn:nl-eid-gdi:1.0:ServiceUUID"),
                    SamlNamespaces.ASSERTION,
                    "saml:AttributeValue",
                    uuid);
            Dom.append(
                            attribute(statement, "urn:nl-eid-gdi:1.0:ActingSubjectID"),
                            SamlNamespaces.ASSERTION,
                            "saml:AttributeValue")
                    .appendChild(encryptedId(doc, persona.bsn(), encryption.get(), tx.spEntityId()));
            if (persona.actsForSomeoneElse()) {
                Dom.append(
                                attribute(statement, "urn:nl-eid-gdi:1.0:LegalSubjectID"),
                                SamlNamespaces.ASSERTION,
                                "saml:AttributeValue")
                        .appendChild(encryptedId(doc, persona.representedBsn(), encryption.get(), tx.spEntityId()));
            }
        }
        // Signed after a round trip, so the namespace declarations the signature covers are the ones on the wire.
        Element signed = normalized(response);
        Element signedAssertion =
                Dom.child(signed, SamlNamespaces.ASSERTION, "Assertion").orElseThrow();
        if (fault != DigidFault.UNSIGNED) {
            new EnvelopedSigner(credential.privateKey(), credential.certificate())
                    .sign(
                            signedAssertion,
                            Dom.child(signedAssertion, SamlNamespaces.ASSERTION, "Issuer")
                                    .orElseThrow(),
                            SIGNATURE_ALGORITHM);
        }
        if (fault == DigidFault.TAMPERED) {
            Element classRef = Dom.descendants(signedAssertion, SamlNamespaces.ASSERTION, "AuthnContextClassRef")
                    .get(0);
            classRef.setTextContent(DigidLevel.HOOG.write(tx.generation4()));
        }
        return signed;
    }

    private Element attribute(Element statement, String name) {
        Element attribute = Dom.append(statement, SamlNamespaces.ASSERTION, "saml:Attribute");
        attribute.setAttribute("Name", name);
        attribute.setAttribute("NameFormat", SamlNamespaces.ATTRNAME_FORMAT_URI);
        return attribute;
    }

    /** The BSN as ST-SAML writes it: an EncryptedID (AES-256-CBC, RSA-OAEP MGF1-SHA1) for the SP's encryption key. */
    private Element encryptedId(Document doc, String bsn, X509Certificate spCertificate, String recipient) {
        CryptoSetup.ensureInitialized();
        try {
            Document own = SecureXml.newDocument();
            Element nameId = own.createElementNS(SamlNamespaces.ASSERTION, "saml:NameID");
            nameId.setAttribute("Format", SamlNamespaces.NAMEID_PERSISTENT);
            nameId.setAttribute("NameQualifier", "urn:nl-eid-gdi:1.0:id:legacy-BSN");
            nameId.setTextContent(bsn);
            own.appendChild(nameId);
            byte[] plaintext = SecureXml.serialize(nameId).getBytes(StandardCharsets.UTF_8);
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
            keyCipher.init(XMLCipher.WRAP_MODE, spCertificate.getPublicKey());
            EncryptedKey encryptedKey = keyCipher.encryptKey(doc, key);
            encryptedKey.setRecipient(recipient);
            XMLCipher dataCipher = XMLCipher.getInstance(XMLCipher.AES_256);
            dataCipher.init(XMLCipher.ENCRYPT_MODE, key);
            EncryptedData encryptedData =
                    dataCipher.encryptData(doc, EncryptionConstants.TYPE_ELEMENT, new ByteArrayInputStream(plaintext));
            KeyInfo keyInfo = new KeyInfo(doc);
            keyInfo.add(encryptedKey);
            encryptedData.setKeyInfo(keyInfo);
            Element encryptedId = doc.createElementNS(SamlNamespaces.ASSERTION, "saml:EncryptedID");
            encryptedId.appendChild(dataCipher.martial(doc, encryptedData));
            return encryptedId;
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the identity: " + e.getMessage(), e);
        }
    }

    private Element statusResponse(Document doc, Transaction tx, String top, String second, String message) {
        Element response = protocolMessage(doc, "samlp:Response", tx.requestId());
        doc.appendChild(response);
        response.setAttribute("Destination", tx.acsUrl());
        issuer(response);
        status(response, top, second, message);
        return response;
    }

    private Element protocolMessage(Document doc, String name, String inResponseTo) {
        Element message = doc.createElementNS(SamlNamespaces.PROTOCOL, name);
        message.setAttribute("ID", "_" + UUID.randomUUID());
        message.setAttribute("Version", "2.0");
        message.setAttribute("IssueInstant", clock.instant().toString());
        if (inResponseTo != null) {
            message.setAttribute("InResponseTo", inResponseTo);
        }
        return message;
    }

    private Element issuer(Element message) {
        return Dom.appendText(message, SamlNamespaces.ASSERTION, "saml:Issuer", entityId);
    }

    private static void status(Element message, String top, String second, String text) {
        Element status = Dom.append(message, SamlNamespaces.PROTOCOL, "samlp:Status");
        Element code = Dom.append(status, SamlNamespaces.PROTOCOL, "samlp:StatusCode");
        code.setAttribute("Value", STATUS + top);
        if (second != null) {
            Dom.append(code, SamlNamespaces.PROTOCOL, "samlp:StatusCode").setAttribute("Value", STATUS + second);
        }
        if (text != null) {
            Dom.appendText(status, SamlNamespaces.PROTOCOL, "samlp:StatusMessage", text);
        }
    }

    // ---- back channel ----

    private void handleSoap(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            WebReply reply;
            if (!"POST".equals(exchange.getRequestMethod())
                    || !RESOLVE_PATH.equals(exchange.getRequestURI().getPath())) {
                reply = WebReply.text(405, "POST a SOAP ArtifactResolve to " + RESOLVE_PATH, "method-not-allowed");
            } else {
                byte[] body = exchange.getRequestBody().readNBytes(HttpRouter.MAX_BODY_BYTES + 1);
                reply = body.length > HttpRouter.MAX_BODY_BYTES
                        ? WebReply.text(413, "too large", "body-too-large")
                        : resolve(body);
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            exchange.getResponseBody().write(reply.body());
            requestLog.accept("POST " + RESOLVE_PATH + " -> " + reply.status() + " " + reply.outcome());
        }
    }

    private WebReply resolve(byte[] soapBody) {
        resolutions.incrementAndGet();
        Element resolve;
        try {
            Document envelope = SecureXml.parse(soapBody);
            Element body = Dom.child(envelope.getDocumentElement(), SOAP_NS, "Body")
                    .orElseThrow(() -> new IllegalArgumentException("no SOAP Body"));
            resolve = Dom.child(body, SamlNamespaces.PROTOCOL, "ArtifactResolve")
                    .orElseThrow(() -> new IllegalArgumentException("no ArtifactResolve"));
        } catch (RuntimeException e) {
            log.accept("DigiD ArtifactResolve unreadable: " + e.getMessage());
            return WebReply.text(400, "not a SOAP ArtifactResolve", "digid-resolve-unreadable");
        }
        String issuer = Dom.childText(resolve, SamlNamespaces.ASSERTION, "Issuer")
                .map(String::trim)
                .orElse("");
        String artifact = Dom.childText(resolve, SamlNamespaces.PROTOCOL, "Artifact")
                .map(String::trim)
                .orElse("");
        Document doc = SecureXml.newDocument();
        Element artifactResponse = protocolMessage(doc, "samlp:ArtifactResponse", resolve.getAttribute("ID"));
        doc.appendChild(artifactResponse);
        issuer(artifactResponse);
        Optional<SpMetadata> sp = spRegistry.find(issuer);
        if (sp.isEmpty()) {
            spRegistry.reload();
            sp = spRegistry.find(issuer);
        }
        SignatureCheck signature = sp.map(s -> PostBindingSignatureVerifier.verify(resolve, s.signingCertificates()))
                .orElse(SignatureCheck.INVALID);
        DigidFault fault = DigidFault.NONE;
        if (signature != SignatureCheck.VALID) {
            log.accept("DigiD ArtifactResolve from " + issuer + " refused: signature " + signature);
            status(artifactResponse, "Requester", "RequestDenied", "ArtifactResolve signature " + signature);
        } else {
            // Single use: whatever happens next, this artifact is gone.
            IssuedArtifact issued = artifacts.remove(artifact);
            status(artifactResponse, "Success", null, null);
            if (issued == null) {
                log.accept("DigiD artifact unknown or already resolved");
            } else if (!issued.spEntityId().equals(issuer)) {
                log.accept("DigiD artifact of " + issued.spEntityId() + " asked for by " + issuer);
            } else if (issued.issued().plus(ARTIFACT_LIFETIME).isBefore(clock.instant())) {
                log.accept("DigiD artifact older than 15 minutes");
            } else {
                Document inner = SecureXml.parse(issued.responseXml().getBytes(StandardCharsets.UTF_8));
                artifactResponse.appendChild(doc.importNode(inner.getDocumentElement(), true));
                fault = issued.fault();
            }
        }
        if (fault == DigidFault.WRONG_IN_RESPONSE_TO) {
            artifactResponse.setAttribute("InResponseTo", "_" + UUID.randomUUID());
        }
        Element signed = normalized(artifactResponse);
        if (fault != DigidFault.UNSIGNED && fault != DigidFault.ARTIFACT_RESPONSE_UNSIGNED) {
            new EnvelopedSigner(credential.privateKey(), credential.certificate())
                    .sign(
                            signed,
                            Dom.child(signed, SamlNamespaces.ASSERTION, "Issuer")
                                    .orElseThrow(),
                            SIGNATURE_ALGORITHM);
        }
        String soap = "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>" + SecureXml.serialize(signed)
                + "</soap:Body></soap:Envelope>";
        return WebReply.xml(200, "text/xml", soap, "digid-artifact-response");
    }

    // ---- helpers ----

    private static Element normalized(Element element) {
        return SecureXml.parse(SecureXml.serialize(element)).getDocumentElement();
    }

    private String newArtifact() {
        byte[] raw = new byte[44];
        raw[1] = 4;
        System.arraycopy(sha1(entityId), 0, raw, 4, 20);
        byte[] handle = new byte[20];
        RANDOM.nextBytes(handle);
        System.arraycopy(handle, 0, raw, 24, 20);
        return Base64.getEncoder().encodeToString(raw);
    }

    private String keyName() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(credential.certificate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(credential.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha1(String value) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String pathOf(String baseUrl) {
        String path = java.net.URI.create(baseUrl).getPath();
        return path == null || "/".equals(path) ? "" : path;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    @Override
    public synchronized void close() {
        if (backChannel != null) {
            backChannel.stop(0);
            backChannelExecutor.shutdownNow();
        }
    }
}
