package dev.govid.keycloak.console;

import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Once per start, one INFO line per realm whose clients still carry GovID settings as client attributes (the
 * legacy place, which the console cannot show): which clients, and where the settings go now. They keep working;
 * the line only tells the admin what to move.
 */
final class LegacyAttributesNotice {

    private static final Logger LOG = Logger.getLogger(LegacyAttributesNotice.class);
    private static final int NAMED = 10;

    private LegacyAttributesNotice() {}

    static void registerFor(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                try {
                    KeycloakModelUtils.runJobInTransaction(
                            factory,
                            session -> session.realms().getRealmsStream().forEach(LegacyAttributesNotice::report));
                } catch (RuntimeException e) {
                    LOG.debugf("legacy GovID client attributes not listed: %s", e.getMessage());
                }
            }
        });
    }

    private static void report(RealmModel realm) {
        List<String> clients = realm.getClientsStream()
                .filter(LegacyAttributesNotice::hasGovIdAttributes)
                .map(ClientModel::getClientId)
                .sorted()
                .toList();
        if (clients.isEmpty()) {
            return;
        }
        LOG.infof(
                "Realm '%s': %d client(s) keep GovID settings as client attributes (%s%s). They still apply; "
                        + "move them to a 'GovID settings' mapper of a shared client scope or of the client's dedicated scope "
                        + "so the admin console shows them (docs/settings.md, 'In the admin console').",
                realm.getName(),
                clients.size(),
                String.join(", ", clients.subList(0, Math.min(NAMED, clients.size()))),
                clients.size() > NAMED ? ", …" : "");
    }

    private static boolean hasGovIdAttributes(ClientModel client) {
        return client.getAttributes().keySet().stream()
                .map(key -> key.toLowerCase(Locale.ROOT))
                .anyMatch(key -> key.startsWith("govid.") || key.startsWith("moa."));
    }
}
