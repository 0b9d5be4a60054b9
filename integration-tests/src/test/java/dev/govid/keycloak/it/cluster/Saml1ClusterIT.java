package dev.govid.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.saml1.Saml1Calls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SAML1 artifacts live in Keycloak's cluster-wide single-use store: issued on one node, they resolve exactly once
 * on any node of the cluster.
 */
class Saml1ClusterIT {
    private static final String REALM = "govid-demo";
    private static final int RACED_ARTIFACTS = 40;

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
        assertThat(cluster.clusterSizeSeenByNodeB()).as("one Infinispan cluster of two nodes").isEqualTo(2);
        String artifact = loginOnNodeA("app");

        assertThat(nodeB.getAuthenticationData(artifact).body()).as("first resolution, on node B").contains(":Success")
                .contains("PersonData");
        assertThat(nodeA.getAuthenticationData(artifact).body()).as("replay on the issuing node").contains("1100")
                .doesNotContain(":Success");
        assertThat(nodeB.getAuthenticationData(artifact).body()).as("replay on node B").contains("1100")
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
                    (body.contains(":Success") ? successes : body.contains("1100") ? refusals : new AtomicInteger()).incrementAndGet();
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

    private static String loginOnNodeA(String path) {
        return Urls.queryParams(nodeA.loginAtApplication(Saml1Calls.start(oaPrefix + path), "anna", false, oaPrefix))
                .get("SAMLArtifact");
    }
}
