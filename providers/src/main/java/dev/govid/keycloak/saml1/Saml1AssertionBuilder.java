package dev.govid.keycloak.saml1;

import static dev.govid.keycloak.saml1.Saml1Xml.MANDATES_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.MOA_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.PERSONDATA_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.SAMLP_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.SAML_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.SOAP11_ENV_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.append;
import static dev.govid.keycloak.saml1.Saml1Xml.appendText;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.govid.keycloak.saml1.AuthenticationData.MandateData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the GetAuthenticationData answer as MOA-ID sent it:
 * {@code soapenv:Envelope/soapenv:Body/samlp:Response} with {@code samlp:Status} and, on success, one
 * {@code saml:Assertion} whose {@code saml:AttributeStatement} names the person by bPK
 * ({@code saml:NameIdentifier}) and carries {@code PersonData} plus the MOA-ID attributes the client may see.
 * No {@code saml:Conditions}: MOA-ID sent none and its clients do not expect them; the artifact's one-time,
 * short-lived fetch is what bounds the assertion. Signing is a separate step ({@link Saml1Signer}).
 */
public final class Saml1AssertionBuilder {

    /** The browser/artifact profile's confirmation method as SAML 1.1 names it (bindings 1.1, §4.1.1.6). */
    public static final String CONFIRMATION_METHOD_ARTIFACT = "urn:oasis:names:tc:SAML:1.0:cm:artifact";
    /** The same confirmation method as SAML 1.0 named it ({@code artifact-01}); 1.1 renamed it and deprecated this one. */
    public static final String CONFIRMATION_METHOD_ARTIFACT_SAML10 = "urn:oasis:names:tc:SAML:1.0:cm:artifact-01";

    private final Clock clock;
    private final SecureRandom random;

    public Saml1AssertionBuilder(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The success response for {@code inResponseTo} (the request's RequestID), with only the optional data the
     * client's flags allow and {@code extraAttributes} (from protocol mappers) appended last.
     */
    public Document successResponse(
            String inResponseTo,
            AuthenticationData data,
            Saml1ClientFlags flags,
            List<Saml1Attribute> extraAttributes) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(flags, "flags");
        String issueInstant = now();
        Element response = response(inResponseTo, flags.minorVersion(), issueInstant);
        Element status = append(response, SAMLP_NS, "samlp:Status");
        statusCode(status, Saml1StatusCode.SUCCESS);

        Element assertion = append(response, SAML_NS, "saml:Assertion");
        assertion.setAttributeNS(null, "MajorVersion", "1");
        assertion.setAttributeNS(null, "MinorVersion", Integer.toString(flags.minorVersion()));
        assertion.setAttributeNS(null, "AssertionID", newId());
        assertion.setAttributeNS(null, "Issuer", data.issuer());
        assertion.setAttributeNS(null, "IssueInstant", issueInstant);
        // Registered as ID so the signature's reference "#AssertionID" resolves in this DOM.
        assertion.setIdAttributeNS(null, "AssertionID", true);

        Element statement = append(assertion, SAML_NS, "saml:AttributeStatement");
        subject(statement, data, flags);
        personData(statement, data, flags);
        textAttribute(statement, "isQualifiedCertificate", MOA_NS, Boolean.toString(data.qualifiedCertificate()));
        textAttribute(statement, "bkuURL", MOA_NS, data.bkuUrl());
        textAttribute(statement, "EID-ISSUING-NATION", PERSONDATA_NS, data.issuingNation());
        if (flags.transmitSignerCertificate()) {
            textAttribute(statement, "SignerCertificate", MOA_NS, data.signerCertificate());
        }
        // The identity link names the Stammzahl; we cannot swap in the wbPK as MOA-ID did, so private-sector
        // applications never get it.
        if (flags.transmitIdentityLink() && !data.privateSector()) {
            textAttribute(statement, "EID-ONLINE-IDENTITY-LINK", PERSONDATA_NS, data.identityLink());
        }
        if (data.isMandateLogin()) {
            mandateAttributes(statement, data, flags);
        }
        if (extraAttributes != null) {
            for (Saml1Attribute extra : extraAttributes) {
                textAttribute(statement, extra.name(), extra.namespace(), extra.value());
            }
        }
        return response.getOwnerDocument();
    }

    /**
     * A success response without its assertion, for an assertion built and signed earlier (at login) and
     * inserted into the serialized response by {@link #withAssertion}.
     */
    public Document successEnvelope(String inResponseTo, int minorVersion) {
        Element response = response(inResponseTo, minorVersion, now());
        statusCode(append(response, SAMLP_NS, "samlp:Status"), Saml1StatusCode.SUCCESS);
        return response.getOwnerDocument();
    }

    /**
     * Puts a serialized {@code saml:Assertion} after the status of a serialized {@link #successEnvelope}: as text,
     * so the signed bytes reach the client exactly as they were signed.
     */
    public static String withAssertion(String envelopeXml, String assertionXml) {
        int end = envelopeXml.lastIndexOf("</samlp:Response>");
        if (end < 0) {
            throw new IllegalArgumentException("not a success envelope built here");
        }
        return envelopeXml.substring(0, end) + assertionXml + envelopeXml.substring(end);
    }

    /** An error answer with the MOA-ID code's own German text as status message. */
    public Document errorResponse(String inResponseTo, int minorVersion, MoaStatus moaStatus) {
        return errorResponse(inResponseTo, minorVersion, moaStatus.samlStatus(), moaStatus, moaStatus.german());
    }

    /**
     * An error answer: generic SAML1 code, the MOA-ID code nested below it (when given) and a short text; no
     * assertion. {@code inResponseTo} may be null when the request id is unknown.
     */
    public Document errorResponse(
            String inResponseTo, int minorVersion, Saml1StatusCode samlStatus, MoaStatus moaStatus, String message) {
        if (samlStatus == Saml1StatusCode.SUCCESS) {
            throw new IllegalArgumentException("an error response needs an error status");
        }
        Element response = response(inResponseTo, minorVersion, now());
        Element status = append(response, SAMLP_NS, "samlp:Status");
        Element code = statusCode(status, samlStatus);
        if (moaStatus != null) {
            Element nested = append(code, SAMLP_NS, "samlp:StatusCode");
            Saml1Xml.declare(nested, Saml1Xml.MOA_PREFIX, MOA_NS);
            nested.setAttributeNS(null, "Value", moaStatus.qualifiedValue());
        }
        String text = moaStatus == null ? message : moaStatus.code() + ": " + (message == null ? "" : message);
        if (text != null && !text.isBlank()) {
            appendText(status, SAMLP_NS, "samlp:StatusMessage", text.strip());
        }
        if (moaStatus != null) {
            // The numeric code as element text, which no QName rule restricts: what a client reads when it
            // wants the MOA-ID code as a number (see MoaStatus#qualifiedValue for why the QName differs).
            Element detail = append(status, SAMLP_NS, "samlp:StatusDetail");
            Element moaCode = appendText(detail, MOA_NS, "moa:StatusCode", Integer.toString(moaStatus.code()));
            Saml1Xml.declare(moaCode, Saml1Xml.MOA_PREFIX, MOA_NS);
        }
        return response.getOwnerDocument();
    }

    /** The one {@code saml:Assertion} of a response built here, for signing or inspection. */
    public static Element assertionOf(Document response) {
        Node node = response.getElementsByTagNameNS(SAML_NS, "Assertion").item(0);
        if (node == null) {
            throw new IllegalArgumentException("response has no saml:Assertion");
        }
        return (Element) node;
    }

    private Element response(String inResponseTo, int minorVersion, String issueInstant) {
        if (minorVersion != 0 && minorVersion != 1) {
            throw new IllegalArgumentException("SAML1 minor version must be 0 or 1, was " + minorVersion);
        }
        Document document = Saml1Xml.newDocument();
        Element envelope = append(document, SOAP11_ENV_NS, "soapenv:Envelope");
        Element body = append(envelope, SOAP11_ENV_NS, "soapenv:Body");
        Element response = append(body, SAMLP_NS, "samlp:Response");
        response.setAttributeNS(null, "ResponseID", newId());
        if (inResponseTo != null) {
            response.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        response.setAttributeNS(null, "IssueInstant", issueInstant);
        response.setAttributeNS(null, "MajorVersion", "1");
        response.setAttributeNS(null, "MinorVersion", Integer.toString(minorVersion));
        return response;
    }

    private static Element statusCode(Element status, Saml1StatusCode code) {
        Element element = append(status, SAMLP_NS, "samlp:StatusCode");
        element.setAttributeNS(null, "Value", code.qualifiedValue());
        return element;
    }

    private static void subject(Element statement, AuthenticationData data, Saml1ClientFlags flags) {
        Element subject = append(statement, SAML_NS, "saml:Subject");
        Element nameIdentifier = appendText(subject, SAML_NS, "saml:NameIdentifier", data.bpk());
        nameIdentifier.setAttributeNS(null, "NameQualifier", data.bpkType());
        Element confirmation = append(subject, SAML_NS, "saml:SubjectConfirmation");
        appendText(confirmation, SAML_NS, "saml:ConfirmationMethod", confirmationMethod(flags.minorVersion()));
        // MOA-ID carried the AuthBlock in the subject confirmation data; ours is base64 text there.
        if (flags.transmitAuthBlock() && data.authBlock() != null) {
            appendText(confirmation, SAML_NS, "saml:SubjectConfirmationData", data.authBlock());
        }
    }

    /** The artifact confirmation method in the vocabulary of the SAML version the assertion declares. */
    static String confirmationMethod(int minorVersion) {
        return minorVersion == 0 ? CONFIRMATION_METHOD_ARTIFACT_SAML10 : CONFIRMATION_METHOD_ARTIFACT;
    }

    private static void personData(Element statement, AuthenticationData data, Saml1ClientFlags flags) {
        Element value = attributeValue(attribute(statement, "PersonData", PERSONDATA_NS));
        String baseId = flags.transmitBaseId() && !data.privateSector() ? data.baseId() : null;
        PersonDataElements.person(value, baseId, data.givenName(), data.familyName(), data.birthdate());
    }

    private static void mandateAttributes(Element statement, AuthenticationData data, Saml1ClientFlags flags) {
        MandateData mandate = data.mandate();
        Element value = attributeValue(attribute(statement, "Mandate", MANDATES_NS));
        MandateElements.mandate(value, data, flags.transmitFullMandate());
        MandateElements.mandateData(attributeValue(attribute(statement, "MandateData", PERSONDATA_NS)), data);
        textAttribute(statement, "RepresentationType", MANDATES_NS, mandate.representationType());
        textAttribute(statement, "OID", PERSONDATA_NS, mandate.professionalRepresentativeOid());
        textAttribute(
                statement, "OIDTextualDescription", PERSONDATA_NS, mandate.professionalRepresentativeDescription());
        textAttribute(statement, "mandateReferenceValue", MOA_NS, mandate.referenceValue());
    }

    /** A single-valued text attribute; nothing at all when the value is absent. */
    private static void textAttribute(Element statement, String name, String namespace, String value) {
        if (value == null) {
            return;
        }
        attributeValue(attribute(statement, name, namespace)).setTextContent(value);
    }

    private static Element attribute(Element statement, String name, String namespace) {
        Element attribute = append(statement, SAML_NS, "saml:Attribute");
        attribute.setAttributeNS(null, "AttributeName", name);
        attribute.setAttributeNS(null, "AttributeNamespace", namespace);
        return attribute;
    }

    private static Element attributeValue(Element attribute) {
        return append(attribute, SAML_NS, "saml:AttributeValue");
    }

    /** xsd:ID values must not start with a digit; 160 random bits make collisions irrelevant. */
    private String newId() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    private String now() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
