package dev.govid.keycloak.selection;

import java.util.Optional;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.UserModel;

/**
 * The name the SSO confirmation page shows. eID users carry hashed usernames ({@code bundid-3f…}), which mean
 * nothing to a person, so the names the eID login proved come first, then the account's, and the username only as a
 * last resort; a mandate login also says whom the person acts for.
 */
public final class SignedInPerson {

    private final String displayName;
    private final String representing;

    private SignedInPerson(String displayName, String representing) {
        this.displayName = displayName;
        this.representing = representing;
    }

    /** The person as the session's eID login proved them (and whom they act for), else as the account knows them. */
    static SignedInPerson of(UserModel user, Optional<EidLogin> login) {
        String representing = login.flatMap(EidLogin::optionalMandate)
                .map(m -> m.mandator() == null
                        ? null
                        : ConfigValues.trimToNull(m.mandator().displayName()))
                .orElse(null);
        String proven =
                login.map(EidLogin::displayName).map(ConfigValues::trimToNull).orElse(null);
        if (proven != null) {
            return new SignedInPerson(proven, representing);
        }
        if (user == null) {
            return new SignedInPerson("", representing);
        }
        return new SignedInPerson(
                displayName(user.getFirstName(), user.getLastName(), user.getUsername()), representing);
    }

    static String displayName(String first, String last, String username) {
        String given = ConfigValues.trimToNull(first);
        String family = ConfigValues.trimToNull(last);
        if (given != null && family != null) {
            return given + " " + family;
        }
        if (given != null || family != null) {
            return given != null ? given : family;
        }
        return username == null ? "" : username;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** Whom the person acts for in this session, or null for a personal login. */
    public String getRepresenting() {
        return representing;
    }
}
