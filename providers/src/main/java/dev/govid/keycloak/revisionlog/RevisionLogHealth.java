package dev.govid.keycloak.revisionlog;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** What the self-test asks of the revision log: is it on, do the realm's chains verify, can a row be written. */
public final class RevisionLogHealth {

    private RevisionLogHealth() {}

    public record Outcome(boolean ok, String detail, List<String> problems) {}

    public static boolean isEnabled(RealmModel realm) {
        return EventSelection.isEnabled(realm);
    }

    /** Walks every chain of the realm (as {@code GET …/govid-revision-log/verify} does). */
    public static Outcome chainsVerify(KeycloakSession session, RealmModel realm) {
        ChainVerifier.Report report = ChainVerifier.verify(em(session), realm.getId());
        List<String> problems = new java.util.ArrayList<>(report.problems());
        report.chains()
                .forEach(chain -> chain.problems().forEach(p -> problems.add("chain " + chain.chainId() + ": " + p)));
        return new Outcome(
                report.valid(),
                report.records() + " records in " + report.chains().size() + " chains",
                problems.size() > 10 ? List.copyOf(problems.subList(0, 10)) : List.copyOf(problems));
    }

    /**
     * Writes a chain-head row in a transaction of its own and rolls it back: proves the table exists and takes
     * writes (no read-only replica, no missing grant, no full disk) without leaving anything behind.
     */
    public static Outcome tableWritable(KeycloakSession session, RealmModel realm) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), probeSession -> {
                RevisionChain probe = new RevisionChain();
                String chainId = UUID.randomUUID().toString();
                probe.setChainId(chainId);
                probe.setRealmId(realm.getId());
                probe.setNodeName("govid-health-probe");
                probe.setStarted(System.currentTimeMillis());
                probe.setLastHash(ChainHash.genesis(chainId));
                probe.setPrunedHash(ChainHash.genesis(chainId));
                EntityManager em = em(probeSession);
                em.persist(probe);
                em.flush();
                probeSession.getTransactionManager().setRollbackOnly();
            });
            return new Outcome(true, "a test row was written and rolled back", List.of());
        } catch (RuntimeException e) {
            return new Outcome(false, "writing a test row failed: " + rootMessage(e), List.of());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
