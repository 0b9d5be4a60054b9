package dev.govid.simulator.response;

import static dev.govid.simulator.xml.SamlNamespaces.AKDB;
import static dev.govid.simulator.xml.SamlNamespaces.ASSERTION;
import static dev.govid.simulator.xml.SamlNamespaces.PROTOCOL;
import static dev.govid.simulator.xml.SamlNamespaces.XS;
import static dev.govid.simulator.xml.SamlNamespaces.XSI;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import dev.govid.simulator.TrustLevelVocabulary;
import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SamlNamespaces;
import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the DOM of samlp:Response and saml:Assertion. Every namespace is declared explicitly with an xmlns
 * attribute, because canonicalisation sees only declared attributes, not what a serialiser would add later.
 */
final class SamlXmlBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlXmlBuilder() {}

    /** SAML IDs must be NCNames, hence the leading underscore. */
    static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** @return a document whose element is samlp:Response with Issuer and Status (no assertion yet) */
    static Document response(
            String idpEntityId, Instant issueInstant, String destination, String inResponseTo, SamlStatus status) {
        Document doc = SecureXml.newDocument();
        Element response = doc.createElementNS(PROTOCOL, "samlp:Response");
        doc.appendChild(response);
        Dom.declareNamespace(response, "samlp", PROTOCOL);
        Dom.declareNamespace(response, "saml", ASSERTION);
        response.setAttributeNS(null, "ID", newId());
        response.setAttributeNS(null, "Version", "2.0");
        response.setAttributeNS(null, "IssueInstant", instant(issueInstant));
        response.setAttributeNS(null, "Destination", destination);
        if (inResponseTo != null) {
            response.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        Dom.appendText(response, ASSERTION, "saml:Issuer", idpEntityId);
        appendStatus(response, status);
        return doc;
    }

    private static void appendStatus(Element response, SamlStatus status) {
        Element statusElement = Dom.append(response, PROTOCOL, "samlp:Status");
        Element code = Dom.append(statusElement, PROTOCOL, "samlp:StatusCode");
        code.setAttributeNS(null, "Value", status.code());
        if (status.nestedCode() != null) {
            Dom.append(code, PROTOCOL, "samlp:StatusCode").setAttributeNS(null, "Value", status.nestedCode());
        }
        if (status.message() != null) {
            Dom.appendText(statusElement, PROTOCOL, "samlp:StatusMessage", status.message());
        }
        if (status.akdbDetailJson() != null) {
            Element detail = Dom.append(statusElement, PROTOCOL, "samlp:StatusDetail");
            Element akdb = Dom.appendText(detail, AKDB, "akdb:StatusDetail", status.akdbDetailJson());
            Dom.declareNamespace(akdb, "akdb", AKDB);
        }
    }

    /** Parameters of one assertion. */
    record AssertionSpec(
            String idpEntityId,
            Instant issueInstant,
            Instant notBefore,
            Instant notOnOrAfter,
            String recipient,
            String inResponseTo,
            String audience,
            String spNameQualifier,
            AssertionContent content) {}

    static Element appendAssertion(Element response, AssertionSpec spec) {
        Element assertion = Dom.append(response, ASSERTION, "saml:Assertion");
        Dom.declareNamespace(assertion, "saml", ASSERTION);
        Dom.declareNamespace(assertion, "xsi", XSI);
        if (spec.content().trustLevelVocabulary() != null) {
            Dom.declareNamespace(assertion, "akdb", AKDB);
        }
        assertion.setAttributeNS(null, "ID", newId());
        assertion.setAttributeNS(null, "Version", "2.0");
        assertion.setAttributeNS(null, "IssueInstant", instant(spec.issueInstant()));
        Dom.appendText(assertion, ASSERTION, "saml:Issuer", spec.idpEntityId());

        Element subject = Dom.append(assertion, ASSERTION, "saml:Subject");
        Element nameId =
                Dom.appendText(subject, ASSERTION, "saml:NameID", spec.content().nameIdValue());
        nameId.setAttributeNS(null, "Format", spec.content().nameIdFormat());
        nameId.setAttributeNS(null, "NameQualifier", spec.idpEntityId());
        nameId.setAttributeNS(null, "SPNameQualifier", spec.spNameQualifier());
        Element confirmation = Dom.append(subject, ASSERTION, "saml:SubjectConfirmation");
        confirmation.setAttributeNS(null, "Method", SamlNamespaces.CONFIRMATION_BEARER);
        Element data = Dom.append(confirmation, ASSERTION, "saml:SubjectConfirmationData");
        data.setAttributeNS(null, "InResponseTo", spec.inResponseTo());
        data.setAttributeNS(null, "NotOnOrAfter", instant(spec.notOnOrAfter()));
        data.setAttributeNS(null, "Recipient", spec.recipient());

        Element conditions = Dom.append(assertion, ASSERTION, "saml:Conditions");
        conditions.setAttributeNS(null, "NotBefore", instant(spec.notBefore()));
        conditions.setAttributeNS(null, "NotOnOrAfter", instant(spec.notOnOrAfter()));
        Element restriction = Dom.append(conditions, ASSERTION, "saml:AudienceRestriction");
        Dom.appendText(restriction, ASSERTION, "saml:Audience", spec.audience());

        Element authn = Dom.append(assertion, ASSERTION, "saml:AuthnStatement");
        authn.setAttributeNS(null, "AuthnInstant", instant(spec.issueInstant()));
        authn.setAttributeNS(null, "SessionIndex", newId());
        Element context = Dom.append(authn, ASSERTION, "saml:AuthnContext");
        Dom.appendText(
                context, ASSERTION, "saml:AuthnContextClassRef", spec.content().authnContextClassRef());

        if (!spec.content().attributes().isEmpty()) {
            Element statement = Dom.append(assertion, ASSERTION, "saml:AttributeStatement");
            for (ReleasedAttribute a : spec.content().attributes()) {
                appendAttribute(statement, a, spec.content().trustLevelVocabulary());
            }
        }
        return assertion;
    }

    private static void appendAttribute(Element statement, ReleasedAttribute a, TrustLevelVocabulary vocabulary) {
        Element attribute = Dom.append(statement, ASSERTION, "saml:Attribute");
        if (vocabulary != null && a.trustLevel() != null) {
            attribute.setAttributeNS(AKDB, "akdb:TrustLevel", a.trustLevel().spelling(vocabulary));
        }
        if (a.friendlyName() != null && !a.friendlyName().isEmpty()) {
            attribute.setAttributeNS(null, "FriendlyName", a.friendlyName());
        }
        attribute.setAttributeNS(null, "Name", a.name());
        attribute.setAttributeNS(null, "NameFormat", SamlNamespaces.ATTRNAME_FORMAT_URI);
        Element value = Dom.appendText(attribute, ASSERTION, "saml:AttributeValue", a.value());
        // xs is only referenced inside an attribute value, so it is declared where it is used.
        Dom.declareNamespace(value, "xs", XS);
        value.setAttributeNS(XSI, "xsi:type", "xs:string");
    }
}
