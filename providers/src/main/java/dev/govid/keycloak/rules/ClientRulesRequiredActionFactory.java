package dev.govid.keycloak.rules;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Registers the enforcement point in every realm, existing ones once Keycloak's start-up migration is done and new
 * ones as they are created or imported: a realm without it would hand eID data to nobody (mappers only serve client sessions it passed), so
 * GovID does not leave its registration to a step an admin could miss. Admins see it under Authentication →
 * Required actions; switching it off makes GovID's claims and SAML1 data disappear, never leak.
 */
public class ClientRulesRequiredActionFactory implements RequiredActionFactory {

    private static final ClientRulesRequiredAction INSTANCE = new ClientRulesRequiredAction();
    private static final Logger LOG = Logger.getLogger(ClientRulesRequiredActionFactory.class);

    @Override
    public String getId() {
        return ClientRulesRequiredAction.ID;
    }

    @Override
    public String getDisplayText() {
        return "GovID: per-application rules";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Existing realms only once the database is ready: Keycloak publishes PostMigrationEvent after its start-up
        // migration; touching realms earlier, in postInit itself, races the persistence unit ("emf is null").
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                register(created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent) {
                registerInExistingRealms(factory);
            }
        });
    }

    private static void registerInExistingRealms(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(
                    factory,
                    session -> session.realms().getRealmsStream().forEach(ClientRulesRequiredActionFactory::register));
        } catch (RuntimeException e) {
            // Two nodes starting together may both try; the one that lost finds the action registered next time.
            LOG.warnf(
                    "GovID's per-application rules could not be registered in every realm now (%s); "
                            + "Authentication → Required actions shows whether 'GovID: per-application rules' is enabled",
                    e.getMessage());
        }
    }

    static void register(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(ClientRulesRequiredAction.ID) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(ClientRulesRequiredAction.ID);
        model.setName("GovID: per-application rules");
        model.setProviderId(ClientRulesRequiredAction.ID);
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(5);
        realm.addRequiredActionProvider(model);
    }

    @Override
    public void close() {}
}
