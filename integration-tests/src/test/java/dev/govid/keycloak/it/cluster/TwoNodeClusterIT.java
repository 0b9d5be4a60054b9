package dev.govid.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.saml1.Saml1Calls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Keycloak nodes, one database: SAML1 artifacts live in Keycloak's cluster-wide single-use store (issued on
 * one node, they resolve exactly once on any node), and both nodes write the revision log concurrently, each
 * into chains of its own, without conflicts and verifiably.
 */
class TwoNodeClusterIT {
    private static final String REALM = "govid-demo";
    private static final int RACED_ARTIFACTS = 40;
    private static final int LOGINS_PER_NODE = 15;

    private static TwoNodeCluster cluster;
    private static Saml1Calls nodeA;
    private static Saml1Calls nodeB;
    private static String oaPrefix;

    @BeforeAll
    static void startCluster() {
        cluster = TwoNodeCluster.start();
        oaPrefix = cluster.appUrl() + "/oa-cluster/";
        cluster.nodeA().admin().createClient(REALM, Json.parse("""
                {"clientId":"moa-oa-cluster","protocol":"govid-moa-saml1","enabled":true,
                 "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%s","moa.target":"BF"}}
                """.formatted(oaPrefix)));
        nodeA = new Saml1Calls(cluster.nodeA().realmUrl(REALM));
        nodeB = new Saml1Calls(cluster.nodeB().realmUrl(REALM));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void artifactIssuedOnNodeAResolvesOnceOnNodeB() {
        assertThat(cluster.clusterSizeSeenByNodeB())
                .as("one Infinispan cluster of two nodes")
                .isEqualTo(2);
        String artifact = loginOnNodeA("app");

        assertThat(nodeB.getAuthenticationData(artifact).body())
                .as("first resolution, on node B")
                .contains(":Success")
                .contains("PersonData");
        assertThat(nodeA.getAuthenticationData(artifact).body())
                .as("replay on the issuing node")
                .contains("1100")
                .doesNotContain(":Success");
        assertThat(nodeB.getAuthenticationData(artifact).body())
                .as("replay on node B")
                .contains("1100")
                .doesNotContain(":Success");
    }

    /** Each artifact raced by four callers on each node: one success cluster-wide, whichever node wins. */
    @Test
    void concurrentCallersOnBothNodesGetExactlyOneSuccessPerArtifact() throws Exception {
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < RACED_ARTIFACTS; i++) {
            artifacts.add(loginOnNodeA("race" + i));
        }
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (String artifact : artifacts) {
            for (int c = 0; c < 8; c++) {
                Saml1Calls node = c % 2 == 0 ? nodeA : nodeB;
                calls.add(callers.submit(() -> {
                    String body = node.getAuthenticationData(artifact).body();
                    (body.contains(":Success") ? successes : body.contains("1100") ? refusals : new AtomicInteger())
                            .incrementAndGet();
                    return null;
                }));
            }
        }
        for (Future<?> call : calls) {
            call.get(5, TimeUnit.MINUTES);
        }
        callers.shutdown();
        assertThat(successes.get()).isEqualTo(RACED_ARTIFACTS);
        assertThat(refusals.get()).isEqualTo(RACED_ARTIFACTS * 7);
    }

    @Test
    void bothNodesWriteTheRevisionLogIntoChainsOfTheirOwn() throws Exception {
        String client = "moa-oa-cluster";
        int before = endedTransactions(client);
        ExecutorService browsers = Executors.newFixedThreadPool(8);
        List<Future<?>> logins = new ArrayList<>();
        for (int i = 0; i < LOGINS_PER_NODE; i++) {
            int n = i;
            logins.add(browsers.submit(() -> loginOn(nodeA, "revlog-a" + n)));
            logins.add(browsers.submit(() -> loginOn(nodeB, "revlog-b" + n)));
        }
        for (Future<?> login : logins) {
            login.get(5, TimeUnit.MINUTES);
        }
        browsers.shutdown();

        JsonNode verify = cluster.nodeB().admin().getJson("/" + REALM + "/govid-revision-log/verify");
        assertThat(verify.path("valid").asBoolean()).as("chains: %s", verify).isTrue();
        Set<String> nodes = new HashSet<>();
        verify.path("chains").forEach(chain -> {
            nodes.add(chain.path("node").asText());
            assertThat(chain.path("problems")).as("chain %s", chain).isEmpty();
        });
        assertThat(nodes).as("chains written by each node").hasSizeGreaterThanOrEqualTo(2);
        assertThat(endedTransactions(client) - before)
                .as("every login's transaction ended (1101), on either node")
                .isEqualTo(2 * LOGINS_PER_NODE);
    }

    private static int endedTransactions(String clientId) {
        JsonNode events = cluster.nodeA()
                .admin()
                .getJson("/" + REALM + "/govid-revision-log/events?clientId=" + clientId + "&max=100000");
        int ended = 0;
        for (JsonNode event : events) {
            if (event.path("code").asInt() == 1101) {
                ended++;
            }
        }
        return ended;
    }

    private static String loginOnNodeA(String path) {
        return loginOn(nodeA, path);
    }

    private static String loginOn(Saml1Calls node, String path) {
        return Urls.queryParams(node.loginAtApplication(Saml1Calls.start(oaPrefix + path), "anna", false, oaPrefix))
                .get("SAMLArtifact");
    }
}
