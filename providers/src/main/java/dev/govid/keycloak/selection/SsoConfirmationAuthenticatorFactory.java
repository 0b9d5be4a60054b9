package dev.govid.keycloak.selection;

import dev.govid.keycloak.flow.GovIdAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** Registers the SSO confirmation step for authentication flows. */
public class SsoConfirmationAuthenticatorFactory extends GovIdAuthenticatorFactory {

    public static final String ID = "govid-sso-confirmation";

    public SsoConfirmationAuthenticatorFactory() {
        super(
                ID,
                "GovID: SSO confirmation",
                "govid-selection",
                "After a login answered by the SSO cookie, asks 'You are signed in as ... - continue to the application?'. "
                        + "Place as REQUIRED after the sub-flow holding the cookie step; client attribute govid.sso.confirmation=false skips it.",
                new SsoConfirmationAuthenticator(),
                Requirement.REQUIRED,
                Requirement.DISABLED);
    }
}
