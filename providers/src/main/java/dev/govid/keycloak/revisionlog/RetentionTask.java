package dev.govid.keycloak.revisionlog;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * Applies every realm's retention setting once a day (Keycloak's timer, scheduled by {@link RevisionLogProviderFactory};
 * each run in its own transaction).
 */
final class RetentionTask implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(RetentionTask.class);
    static final String NAME = "govid-revision-log-retention";

    static final Duration INTERVAL = Duration.ofDays(1);

    @Override
    public void run(KeycloakSession session) {
        var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        session.realms()
                .getRealmsStream()
                .filter(realm -> realm.getAttribute(EventSelection.RETENTION_DAYS) != null)
                .forEach(realm -> {
                    try {
                        long removed = Retention.apply(em, realm, System.currentTimeMillis());
                        if (removed > 0) {
                            LOG.infof("revision log retention removed %d rows of realm %s", removed, realm.getName());
                        }
                    } catch (IllegalArgumentException e) {
                        LOG.warnf("revision log retention of realm %s skipped: %s", realm.getName(), e.getMessage());
                    }
                });
    }
}
