package dev.govid.keycloak.selection;

import dev.govid.keycloak.flow.GovIdAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** Registers the eID selection page for authentication flows. */
public class EidSelectionAuthenticatorFactory extends GovIdAuthenticatorFactory {

    public static final String ID = "govid-eid-selection";

    public EidSelectionAuthenticatorFactory() {
        super(
                ID,
                "GovID: eID selection page",
                "govid-selection",
                "Shows the eID systems the client offers (client attribute govid.selection.eids: aliases in order; empty = all) "
                        + "as clear choices. Place as ALTERNATIVE after the identity-provider redirector.",
                new EidSelectionAuthenticator(),
                Requirement.REQUIRED,
                Requirement.ALTERNATIVE,
                Requirement.DISABLED);
    }
}
