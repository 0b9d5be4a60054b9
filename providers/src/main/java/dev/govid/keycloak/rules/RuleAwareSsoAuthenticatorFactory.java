package dev.govid.keycloak.rules;

import dev.govid.keycloak.flow.GovIdAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** Registers the rule-aware cookie step ("GovID: single sign-on within the application's rules"). */
public class RuleAwareSsoAuthenticatorFactory extends GovIdAuthenticatorFactory {

    public static final String ID = "govid-sso";

    public RuleAwareSsoAuthenticatorFactory() {
        super(
                ID,
                "GovID: single sign-on within the application's rules",
                "cookie",
                "Use instead of Keycloak's Cookie step. Signs the person in with the existing session only when what that "
                        + "session's eID login proved satisfies this application's rules; otherwise the flow continues to a fresh "
                        + "login with an explanation.",
                new RuleAwareSsoAuthenticator(),
                Requirement.ALTERNATIVE,
                Requirement.REQUIRED,
                Requirement.DISABLED);
    }
}
