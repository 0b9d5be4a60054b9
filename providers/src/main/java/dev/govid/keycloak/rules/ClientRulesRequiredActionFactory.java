package dev.govid.keycloak.rules;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Registers the enforcement point in every realm, existing ones at start-up and new ones as they are created or
 * imported: a realm without it would hand eID data to nobody (mappers only serve client sessions it passed), so
 * GovID does not leave its registration to a step an admin could miss. Admins see it under Authentication →
 * Required actions; switching it off makes GovID's claims and SAML1 data disappear, never leak.
 */
public class ClientRulesRequiredActionFactory implements RequiredActionFactory {

    private static final ClientRulesRequiredAction INSTANCE = new ClientRulesRequiredAction();

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
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                register(created.getCreatedRealm());
            }
        });
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().forEach(ClientRulesRequiredActionFactory::register));
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
    public void close() {
    }
}
