package dev.govid.keycloak.pvp;

import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Per-login PVP facts in user-session notes under {@code govid.pvp.}, for the claims mapper (and SAML1 later). */
public final class PvpSessionNotes {

    public static final String PREFIX = "govid.pvp.";
    public static final String ATTRIBUTE_PREFIX = PREFIX + "attr.";
    public static final String LEVEL = PREFIX + "level";
    public static final String TEST_IDENTITY = PREFIX + "testIdentity";

    private PvpSessionNotes() {
    }

    static void store(AuthenticationSessionModel authSession, ReceivedAssertion assertion, AssuranceLevel level) {
        for (PvpAttribute attribute : PvpAttribute.values()) {
            if (attribute.isMandateAttribute()) {
                continue;
            }
            assertion.firstValue(attribute.uri()).ifPresent(v -> authSession.setUserSessionNote(ATTRIBUTE_PREFIX + attribute.friendlyName(), v));
        }
        authSession.setUserSessionNote(LEVEL, level.storkName());
        if (PvpIdentityProvider.isTestIdentity(assertion)) {
            authSession.setUserSessionNote(TEST_IDENTITY, "true");
        }
    }

    public static Optional<String> attribute(UserSessionModel session, PvpAttribute attribute) {
        return Optional.ofNullable(session.getNote(ATTRIBUTE_PREFIX + attribute.friendlyName()));
    }
}
