package dev.govid.keycloak.bundid;

import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Per-login BundID facts live in user-session notes under a reserved prefix: they describe this login
 * (values, trust levels, method, level), not the account, and protocol mappers turn them into claims.
 */
public final class BundIdSessionNotes {

    public static final String PREFIX = "govid.bundid.";
    public static final String ATTRIBUTE_PREFIX = PREFIX + "attr.";
    public static final String TRUST_PREFIX = PREFIX + "trust.";
    public static final String METHOD = PREFIX + "method";
    public static final String LEVEL = PREFIX + "level";
    public static final String TEMPORARY = PREFIX + "temporary";
    public static final String PERSON_KEY = PREFIX + "personKey";

    private BundIdSessionNotes() {
    }

    static void store(AuthenticationSessionModel authSession, ReceivedAssertion assertion, AssuranceLevel level, Optional<AuthnMethod> method) {
        for (BundIdAttribute attribute : BundIdAttribute.values()) {
            assertion.attribute(attribute.oid()).ifPresent(received -> {
                received.firstValue().ifPresent(value -> authSession.setUserSessionNote(ATTRIBUTE_PREFIX + attribute.friendlyName(), value));
                received.xmlAttribute(AkdbRequestExtension.AKDB_NS, "TrustLevel").flatMap(TrustLevel::parse)
                        .ifPresent(trust -> authSession.setUserSessionNote(TRUST_PREFIX + attribute.friendlyName(), trust.canonicalName()));
            });
        }
        Optional<String> bpk2 = assertion.firstValue(BundIdAttribute.BPK2.oid());
        if (bpk2.isPresent()) {
            authSession.setUserSessionNote(PERSON_KEY, bpk2.get());
        } else {
            authSession.setUserSessionNote(TEMPORARY, "true");
        }
        authSession.setUserSessionNote(LEVEL, level.storkName());
        method.ifPresent(m -> authSession.setUserSessionNote(METHOD, m.elementName()));
    }

    public static Optional<String> attribute(UserSessionModel session, BundIdAttribute attribute) {
        return Optional.ofNullable(session.getNote(ATTRIBUTE_PREFIX + attribute.friendlyName()));
    }

    public static Optional<String> trustLevel(UserSessionModel session, BundIdAttribute attribute) {
        return Optional.ofNullable(session.getNote(TRUST_PREFIX + attribute.friendlyName()));
    }
}
