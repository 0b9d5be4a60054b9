package dev.govid.keycloak.saml;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextClassRefType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.assertion.SubjectType;
import org.keycloak.saml.processing.core.saml.v2.util.XMLTimeUtil;

/**
 * Builds the decrypted assertion Keycloak's SAML endpoint hands over (saml-core's DOM types), as
 * {@link ReceivedAssertion} reads it; for testing the profiles' response rules without a Keycloak.
 */
public final class TestAssertion {
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private String classRef;
    private String nameId;
    private boolean responseSigned = true;

    public static TestAssertion signed() {
        return new TestAssertion();
    }

    public TestAssertion responseSigned(boolean signed) {
        this.responseSigned = signed;
        return this;
    }

    public TestAssertion classRef(String value) {
        this.classRef = value;
        return this;
    }

    public TestAssertion nameId(String value) {
        this.nameId = value;
        return this;
    }

    public TestAssertion attribute(String name, String value) {
        attributes.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public TestAssertion without(String name) {
        attributes.remove(name);
        return this;
    }

    public ReceivedAssertion build() {
        AssertionType assertion = new AssertionType("_test", XMLTimeUtil.getIssueInstant());
        if (!attributes.isEmpty()) {
            AttributeStatementType statement = new AttributeStatementType();
            attributes.forEach((name, values) -> {
                AttributeType attribute = new AttributeType(name);
                values.forEach(attribute::addAttributeValue);
                statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
            });
            assertion.addStatement(statement);
        }
        if (classRef != null) {
            AuthnStatementType authn = new AuthnStatementType(XMLTimeUtil.getIssueInstant());
            AuthnContextType context = new AuthnContextType();
            AuthnContextType.AuthnContextTypeSequence sequence = new AuthnContextType.AuthnContextTypeSequence();
            sequence.setClassRef(new AuthnContextClassRefType(URI.create(classRef)));
            context.setSequence(sequence);
            authn.setAuthnContext(context);
            assertion.addStatement(authn);
        }
        if (nameId != null) {
            NameIDType id = new NameIDType();
            id.setValue(nameId);
            SubjectType.STSubType subType = new SubjectType.STSubType();
            subType.addBaseID(id);
            SubjectType subject = new SubjectType();
            subject.setSubType(subType);
            assertion.setSubject(subject);
        }
        return ReceivedAssertion.of(assertion, responseSigned);
    }
}
