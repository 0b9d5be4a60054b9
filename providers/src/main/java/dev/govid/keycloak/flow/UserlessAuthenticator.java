package dev.govid.keycloak.flow;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A step that runs before anyone is identified (a choice, a confirmation): it needs no user, is configured for
 * everybody, sets no required actions and holds nothing to close.
 */
public interface UserlessAuthenticator extends Authenticator {

    @Override
    default boolean requiresUser() {
        return false;
    }

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    default void close() {}
}
