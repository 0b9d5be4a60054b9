package dev.govid.keycloak.revisionlog;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers {@link RevisionLogEventListener}, global so that no realm has to list it. The revision log's server
 * options are declared here, where the admin guide documents them; {@link RevisionLogProviderFactory} reads them.
 */
public class RevisionLogEventListenerFactory implements EventListenerProviderFactory {
    public static final String ID = "govid-revision-log";

    /** How often this node looks for logins whose authentication session expired unfinished (seconds). */
    static final String SWEEP_INTERVAL = "unfinishedSweepSeconds";

    static final int DEFAULT_SWEEP_SECONDS = 30;
    /** Server option {@code --spi-events-listener--govid-revision-log--pseudonym-keys}. */
    static final String PSEUDONYM_KEYS = "pseudonymKeys";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RevisionLogEventListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(SWEEP_INTERVAL)
                .type("int")
                .defaultValue(DEFAULT_SWEEP_SECONDS)
                .helpText(
                        "How often (seconds) each node writes the revision log of logins whose authentication session expired unfinished.")
                .add()
                .property()
                .name(PSEUDONYM_KEYS)
                .type("string")
                .secret(true)
                .helpText(
                        "Keys for person pseudonyms (HMAC-SHA-256), newest first, comma separated, each at least 32 characters;"
                                + " used for realms without the vault entry " + PseudonymKeys.VAULT_ENTRY + ".")
                .add()
                .build();
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
