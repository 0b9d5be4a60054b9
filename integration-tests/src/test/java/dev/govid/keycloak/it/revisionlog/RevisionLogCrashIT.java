package dev.govid.keycloak.it.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL during 100 concurrent BundID logins, restart on the same database: every login that got its tokens
 * has all its events, the chain verifies, and no login is half-written (a login's rows are there completely
 * or not at all: they are written together in the request that ends it).
 */
class RevisionLogCrashIT {
    private static final int LOGINS = 100;
    private static final int PARALLEL = LOGINS;
    private static final List<Integer> FULL_LOGIN =
            List.of(1100, 1102, 3000, 4000, 6300, 6301, 6302, 6304, 5002, 1000, 1002, 4001, 1101);

    @Test
    void killDuringConcurrentLoginsLosesNothingThatWasConfirmed() throws Exception {
        KeycloakServer keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        String clientId = RevisionLogIT.clientFor(keycloak, Map.of());
        // The person exists before the burst, so 100 logins do not race to create the same account.
        RevisionLogIT.login(keycloak, new Browser(), clientId)
                .start("bundid")
                .bundId("erika", "eID")
                .tokens();

        Queue confirmed = new Queue();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch enoughDone = new CountDownLatch(LOGINS / 4);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        for (int i = 0; i < LOGINS; i++) {
            pool.submit(() -> {
                try {
                    JsonNode id = RevisionLogIT.login(keycloak, new Browser(), clientId)
                            .start("bundid")
                            .bundId("erika", "eID")
                            .tokens()
                            .idTokenClaims();
                    confirmed.add(id.path("sid").asText());
                    enoughDone.countDown();
                } catch (RuntimeException | AssertionError crashedMidway) {
                    failed.incrementAndGet();
                }
            });
        }
        assertThat(enoughDone.await(5, TimeUnit.MINUTES))
                .as("a quarter of the logins finished before the kill")
                .isTrue();
        KeycloakServer restarted = SharedKeycloak.killAndRestart(() -> {
            pool.shutdown();
            try {
                pool.awaitTermination(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.printf(
                "[RevisionLogCrashIT] %d logins confirmed, %d cut off by the kill%n", confirmed.size(), failed.get());
        assertThat(failed.get()).as("the kill must hit logins in flight").isPositive();

        RevisionLogApi api = new RevisionLogApi(restarted, SharedKeycloak.DEMO_REALM);
        for (String sid : confirmed) {
            assertThat(RevisionLogApi.codes(api.eventsOfSession(sid)))
                    .as("events of confirmed login %s", sid)
                    .containsExactlyElementsOf(FULL_LOGIN);
        }
        Map<String, List<Integer>> byTransaction = new HashMap<>();
        api.json("/events?max=100000&clientId=" + RevisionLogApi.enc(clientId)).forEach(e -> byTransaction
                .computeIfAbsent(e.path("transactionId").asText(), t -> new ArrayList<>())
                .add(e.path("code").asInt()));
        // Complete: the whole successful login, or an attempt from its start to its error (1103).
        byTransaction.forEach((tx, codes) -> assertThat(
                        codes.equals(FULL_LOGIN) || codes.get(0) == 1100 && codes.get(codes.size() - 1) == 1103)
                .as("transaction %s: %s", tx, codes)
                .isTrue());
        JsonNode report = api.verify();
        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("chains").size())
                .as("the restarted process writes a chain of its own")
                .isGreaterThanOrEqualTo(1);
    }

    private static final class Queue extends ConcurrentLinkedQueue<String> {}
}
