package dev.govid.keycloak.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;

/**
 * Makes an eID person key (bPK2, bPK) the brokered user id. Usernames must not contain '/' or '=', which
 * base64 person keys do, and need not reveal the key, so the username is derived from a hash.
 */
public final class PersonKeys {

    private PersonKeys() {}

    public static void useAsBrokeredUserId(
            BrokeredIdentityContext context, IdentityProviderModel config, String personKey, String usernamePrefix) {
        context.setId(personKey);
        context.setBrokerUserId(config.getAlias() + "." + personKey);
        context.setUsername(usernamePrefix + sha256Hex(personKey).substring(0, 32));
        context.setModelUsername(null);
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
