package dev.govid.keycloak.pvp;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * ID Austria's minimum for SP keys: RSA ≥ 3072 bit or EC ≥ 256 bit. The keys are the realm's (Keycloak's SAML broker
 * has no key of its own per provider), so they can be added, rotated or disabled after the provider is saved: GovID
 * therefore does not refuse to save a provider but flags weak keys in the registration values and writes one WARN
 * line per weak key and node when the SP metadata is served.
 */
final class SpKeyStrength {

    static final int MINIMUM_RSA_BITS = 3072;
    static final int MINIMUM_EC_BITS = 256;

    private static final Logger LOG = Logger.getLogger(SpKeyStrength.class);

    /** One key the SP metadata lists, with what ID Austria would say about it. */
    record ListedKey(String kid, String use, String type, int bits, boolean meetsIdAustriaMinimum) {}

    /** Kids already warned about on this node, so a busy metadata URL does not flood the log. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** The keys Keycloak's SAML broker lists in the SP metadata: enabled RS256 signing keys and enabled encryption keys. */
    static List<ListedKey> listedKeys(KeycloakSession session, RealmModel realm) {
        return session.keys()
                .getKeysStream(realm)
                .filter(k -> k.getStatus().isEnabled() && k.getPublicKey() instanceof PublicKey)
                .filter(k -> (KeyUse.SIG.equals(k.getUse()) && Algorithm.RS256.equals(k.getAlgorithmOrDefault()))
                        || KeyUse.ENC.equals(k.getUse()))
                .map(SpKeyStrength::describe)
                .toList();
    }

    static ListedKey describe(KeyWrapper key) {
        PublicKey publicKey = (PublicKey) key.getPublicKey();
        String use = KeyUse.SIG.equals(key.getUse()) ? "signing" : "encryption";
        if (publicKey instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return new ListedKey(key.getKid(), use, "RSA", bits, bits >= MINIMUM_RSA_BITS);
        }
        if (publicKey instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return new ListedKey(key.getKid(), use, "EC", bits, bits >= MINIMUM_EC_BITS);
        }
        return new ListedKey(key.getKid(), use, publicKey.getAlgorithm(), 0, false);
    }

    /** One WARN line per weak key and node. */
    void warnOnce(RealmModel realm, String alias, List<ListedKey> keys) {
        for (ListedKey key : keys) {
            if (!key.meetsIdAustriaMinimum() && warned.add(realm.getId() + "/" + key.kid())) {
                LOG.warnf(
                        "Realm %s, ID Austria provider %s: the SP metadata lists the %s key %s (%s %d bit), below ID Austria's minimum"
                                + " (RSA %d or EC %d bit); add a stronger realm key and disable this one (docs/idaustria.md)",
                        realm.getName(),
                        alias,
                        key.use(),
                        key.kid(),
                        key.type(),
                        key.bits(),
                        MINIMUM_RSA_BITS,
                        MINIMUM_EC_BITS);
            }
        }
    }
}
