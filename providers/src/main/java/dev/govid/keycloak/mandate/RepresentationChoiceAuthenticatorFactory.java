package dev.govid.keycloak.mandate;

import dev.govid.keycloak.flow.GovIdAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** Registers the representation step for authentication flows ("GovID: for myself / on behalf of someone"). */
public class RepresentationChoiceAuthenticatorFactory extends GovIdAuthenticatorFactory {

    public static final String ID = "govid-representation-choice";

    public RepresentationChoiceAuthenticatorFactory() {
        super(
                ID,
                "GovID: for myself / on behalf of someone",
                "govid-representation",
                "Place before the identity-provider redirector. Asks whether the person acts for themself or for someone else "
                        + "(client attribute govid.representation = off | optional | required) so the eID request asks for mandate attributes.",
                new RepresentationChoiceAuthenticator(),
                Requirement.REQUIRED,
                Requirement.DISABLED);
    }
}
