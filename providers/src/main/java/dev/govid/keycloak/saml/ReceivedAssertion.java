package dev.govid.keycloak.saml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.assertion.StatementAbstractType;
import org.keycloak.dom.saml.v2.assertion.SubjectType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;

/**
 * What an eID profile needs from a response Keycloak has already validated and decrypted: attributes by
 * {@code Name} with their extra XML attributes (e.g. {@code akdb:TrustLevel}), the authentication context
 * class, the NameID, and whether the Response element itself carried a signature.
 */
public final class ReceivedAssertion {

    private final Map<String, ReceivedAttribute> attributesByName;
    private final String authnContextClassRef;
    private final String nameId;
    private final boolean responseSigned;

    private ReceivedAssertion(
            Map<String, ReceivedAttribute> attributesByName,
            String authnContextClassRef,
            String nameId,
            boolean responseSigned) {
        this.attributesByName = attributesByName;
        this.authnContextClassRef = authnContextClassRef;
        this.nameId = nameId;
        this.responseSigned = responseSigned;
    }

    public static ReceivedAssertion of(BrokeredIdentityContext context) {
        AssertionType assertion = (AssertionType) context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        ResponseType response = (ResponseType) context.getContextData().get(SAMLEndpoint.SAML_LOGIN_RESPONSE);
        return of(assertion, response != null && response.getSignature() != null);
    }

    static ReceivedAssertion of(AssertionType assertion, boolean responseSigned) {
        Map<String, ReceivedAttribute> attributes = new LinkedHashMap<>();
        for (AttributeStatementType statement : assertion.getAttributeStatements()) {
            for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
                AttributeType attribute = choice.getAttribute();
                if (attribute == null || attribute.getName() == null) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (Object value : attribute.getAttributeValue()) {
                    if (value != null) {
                        values.add(value.toString());
                    }
                }
                attributes.merge(
                        attribute.getName(),
                        new ReceivedAttribute(
                                attribute.getName(),
                                attribute.getFriendlyName(),
                                values,
                                attribute.getOtherAttributes()),
                        ReceivedAttribute::mergedWith);
            }
        }
        return new ReceivedAssertion(
                Collections.unmodifiableMap(attributes), classRef(assertion), nameId(assertion), responseSigned);
    }

    private static String classRef(AssertionType assertion) {
        for (StatementAbstractType statement : assertion.getStatements()) {
            if (statement instanceof AuthnStatementType authn) {
                AuthnContextType context = authn.getAuthnContext();
                if (context != null
                        && context.getSequence() != null
                        && context.getSequence().getClassRef() != null) {
                    return context.getSequence().getClassRef().getValue().toString();
                }
            }
        }
        return null;
    }

    private static String nameId(AssertionType assertion) {
        SubjectType subject = assertion.getSubject();
        if (subject == null
                || subject.getSubType() == null
                || !(subject.getSubType().getBaseID() instanceof NameIDType id)) {
            return null;
        }
        return id.getValue();
    }

    public Optional<ReceivedAttribute> attribute(String name) {
        return Optional.ofNullable(attributesByName.get(name));
    }

    public Optional<String> firstValue(String name) {
        return attribute(name).flatMap(ReceivedAttribute::firstValue);
    }

    public Map<String, ReceivedAttribute> attributes() {
        return attributesByName;
    }

    public Optional<String> authnContextClassRef() {
        return Optional.ofNullable(authnContextClassRef);
    }

    public Optional<String> nameId() {
        return Optional.ofNullable(nameId);
    }

    /** Keycloak also accepts a response whose only signature is on the assertion; eID profiles do not. */
    public boolean isResponseSigned() {
        return responseSigned;
    }

    /** One SAML attribute as received. */
    public record ReceivedAttribute(
            String name, String friendlyName, List<String> values, Map<QName, String> xmlAttributes) {

        public ReceivedAttribute {
            values = List.copyOf(values);
            xmlAttributes = xmlAttributes == null ? Map.of() : Map.copyOf(xmlAttributes);
        }

        public Optional<String> firstValue() {
            return values.stream()
                    .filter(Objects::nonNull)
                    .filter(v -> !v.isBlank())
                    .findFirst();
        }

        public Optional<String> xmlAttribute(String namespace, String localName) {
            return Optional.ofNullable(xmlAttributes.get(new QName(namespace, localName)));
        }

        ReceivedAttribute mergedWith(ReceivedAttribute other) {
            List<String> all = new ArrayList<>(values);
            all.addAll(other.values);
            Map<QName, String> xml = new LinkedHashMap<>(other.xmlAttributes);
            xml.putAll(xmlAttributes);
            return new ReceivedAttribute(name, friendlyName, all, xml);
        }
    }
}
