package dev.govid.keycloak.selection;

import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.UserModel;

/**
 * The name the SSO confirmation page shows. eID users carry hashed usernames ({@code bundid-3f…}), which mean
 * nothing to a person, so the given and family name come first and the username only as a last resort.
 */
public final class SignedInPerson {

    private final String displayName;

    private SignedInPerson(String displayName) {
        this.displayName = displayName;
    }

    static SignedInPerson of(UserModel user) {
        if (user == null) {
            return new SignedInPerson("");
        }
        return new SignedInPerson(displayName(user.getFirstName(), user.getLastName(), user.getUsername()));
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
}
