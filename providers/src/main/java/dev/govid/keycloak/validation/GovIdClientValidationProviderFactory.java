package dev.govid.keycloak.validation;

import java.util.List;
import java.util.stream.Collectors;

import dev.govid.keycloak.settings.SettingProblem;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.validation.ClientValidationProvider;
import org.keycloak.validation.ClientValidationProviderFactory;

/**
 * Takes the place of Keycloak's client-validation provider (the SPI has one provider per session,
 * {@code session.getProvider(ClientValidationProvider.class)}; a positive {@link #order()} makes ours the default
 * without a server option) and runs Keycloak's own, looked up by its id, first. Also refuses a realm import whose
 * GovID realm attributes are invalid (Keycloak publishes {@link RealmModel.RealmPostCreateEvent} inside the
 * import's transaction, so throwing there rolls the import back).
 */
public class GovIdClientValidationProviderFactory implements ClientValidationProviderFactory {

    public static final String ID = "govid";
    static final String KEYCLOAK_PROVIDER_ID = "default";

    private KeycloakSessionFactory sessionFactory;

    @Override
    public ClientValidationProvider create(KeycloakSession session) {
        ClientValidationProviderFactory keycloakFactory = (ClientValidationProviderFactory)
                sessionFactory.getProviderFactory(ClientValidationProvider.class, KEYCLOAK_PROVIDER_ID);
        if (keycloakFactory == null) {
            // Never save clients without Keycloak's own checks (redirect URIs, URLs, PKCE …).
            throw new IllegalStateException(
                    "Keycloak's client validation provider '" + KEYCLOAK_PROVIDER_ID + "' is missing");
        }
        return new GovIdClientValidationProvider(keycloakFactory.create(session));
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                List<SettingProblem> problems = GovIdSettings.realmProblems(created.getCreatedRealm());
                if (!problems.isEmpty()) {
                    throw new ModelValidationException("Realm '"
                            + created.getCreatedRealm().getName() + "': invalid GovID setting "
                            + problems.stream().map(SettingProblem::toString).collect(Collectors.joining("; ")));
                }
            }
        });
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
