package dev.govid.keycloak.revisionlog;

import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Creates each request's {@link RevisionLog} and owns what outlives a request on this node: the hash chains
 * ({@link ChainWriter}), the logins waiting to be finished ({@link UnfinishedTransactions}), the server's
 * pseudonym keys, and the two timers (the look for abandoned logins, the daily retention run).
 *
 * <p>Its options stay where the admin guide documents them, on the event listener
 * ({@code --spi-events-listener--govid-revision-log--…}; see {@link RevisionLogEventListenerFactory}).
 */
public class RevisionLogProviderFactory implements ProviderFactory<RevisionLog> {
    public static final String ID = "govid-revision-log";

    private final ChainWriter chains = new ChainWriter();
    private final UnfinishedTransactions unfinished = new UnfinishedTransactions();
    private Duration sweepInterval = Duration.ofSeconds(RevisionLogEventListenerFactory.DEFAULT_SWEEP_SECONDS);
    private List<String> serverPseudonymKeys = List.of();

    @Override
    public RevisionLog create(KeycloakSession session) {
        return new RevisionLog(session, chains, unfinished, serverPseudonymKeys);
    }

    @Override
    public void init(Config.Scope config) {
        Config.Scope options = Config.scope("events-listener", RevisionLogEventListenerFactory.ID);
        sweepInterval = Duration.ofSeconds(Math.max(
                1,
                options.getInt(
                        RevisionLogEventListenerFactory.SWEEP_INTERVAL,
                        RevisionLogEventListenerFactory.DEFAULT_SWEEP_SECONDS)));
        serverPseudonymKeys = PseudonymKeys.split(options.get(RevisionLogEventListenerFactory.PSEUDONYM_KEYS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                timer.scheduleTask(unfinished, sweepInterval.toMillis(), UnfinishedTransactions.NAME);
                timer.scheduleTask(new RetentionTask(), RetentionTask.INTERVAL.toMillis(), RetentionTask.NAME);
            }
        });
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
