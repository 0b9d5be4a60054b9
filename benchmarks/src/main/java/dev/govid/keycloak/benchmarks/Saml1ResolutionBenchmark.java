package dev.govid.keycloak.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;

/**
 * Artifact resolution throughput: MOA-ID's GetAuthenticationData (signed and unsigned assertion) against
 * Keycloak's own SAML 2 ArtifactResolve (signed response) on the same Keycloak, plus the cost of one RSA
 * signature on this machine as the physical limit, and Keycloak's cheapest request (the realm's OIDC discovery
 * document) as the practical ceiling of any Keycloak endpoint here. Artifacts are produced by real logins first; the
 * back-channel resolution is what is compared. GovID signs the assertion when the login finishes (as MOA-ID
 * did), so the login rates of the signed and unsigned clients are reported too: that is where the signature
 * is paid.
 */
final class Saml1ResolutionBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Saml1ResolutionBenchmark() {}

    static void run(BenchmarkEnvironment env) throws Exception {
        int artifacts = Integer.getInteger("artifacts", 600);
        int callers = Integer.getInteger("users", 8);
        String realm = "bench-saml1";
        String appBase = "http://127.0.0.1:1/";
        env.keycloak.admin().createRealm(Json.parse("""
                {"realm":"%s","enabled":true,
                 "users":[{"username":"anna","enabled":true,"emailVerified":true,"firstName":"Anna","lastName":"Huber",
                   "email":"anna@example.at","credentials":[{"type":"password","value":"anna-password","temporary":false}]}],
                 "clients":[
                  {"clientId":"oa-signed","protocol":"govid-moa-saml1","enabled":true,
                   "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%ssigned/","moa.target":"BF","moa.signAssertion":"true","moa.artifactTtlSeconds":"3600"}},
                  {"clientId":"oa-unsigned","protocol":"govid-moa-saml1","enabled":true,
                   "attributes":{"moa.saml1.enabled":"true","moa.oaUrlPrefixes":"%sunsigned/","moa.target":"BF","moa.signAssertion":"false","moa.artifactTtlSeconds":"3600"}},
                  {"clientId":"saml2-sp","protocol":"saml","enabled":true,"redirectUris":["%ssaml2/*"],
                   "attributes":{"saml.artifact.binding":"true","saml_assertion_consumer_url_post":"%ssaml2/acs",
                     "saml_assertion_consumer_url_redirect":"%ssaml2/acs","saml.server.signature":"true","saml.client.signature":"false",
                     "saml.assertion.signature":"false","saml_force_name_id_format":"false","saml_idp_initiated_sso_url_name":"saml2-sp"}}]}
                """.formatted(realm, appBase, appBase, appBase, appBase, appBase)));
        env.keycloak.admin().createIdentityProvider(realm, Json.parse("""
                {"alias":"idaustria","providerId":"govid-pvp","enabled":true,"config":{
                  "syncMode":"FORCE","pvpMetadataUrl":"%s","pvpSector":"BF"}}
                """.formatted(env.simulator.pvpMetadataUrl())));
        env.simulator.trustSpMetadata(env.keycloak.realmUrl(realm) + "/broker/idaustria/endpoint/descriptor");
        String realmUrl = env.keycloak.realmUrl(realm);

        int warmUp = Integer.getInteger("warmup", Math.max(50, artifacts / 4));
        System.out.printf(
                "SAML1 resolution benchmark: producing %d + %d warm-up artifacts per path by real logins …%n",
                artifacts, warmUp);
        saml1Artifact(realmUrl, appBase + "signed/first");
        // Signed and unsigned logins alternate in rounds (the first round of each untimed), so the login-side
        // cost of signing at login is compared under the same conditions.
        List<String> signed = new ArrayList<>();
        List<String> unsigned = new ArrayList<>();
        double signedSeconds = 0;
        double unsignedSeconds = 0;
        int loginRounds = 5;
        int perRound = (warmUp + artifacts + loginRounds - 1) / loginRounds;
        for (int round = 0; round < loginRounds; round++) {
            boolean signedFirst = round % 2 == 0;
            for (boolean isSigned : new boolean[] {signedFirst, !signedFirst}) {
                List<String> into = isSigned ? signed : unsigned;
                int count = Math.min(perRound, warmUp + artifacts - into.size());
                int offset = into.size();
                String path = isSigned ? "signed/" : "unsigned/";
                long start = System.nanoTime();
                into.addAll(produce(count, i -> saml1Artifact(realmUrl, appBase + path + (offset + i))));
                double elapsed = round == 0 ? 0 : seconds(start);
                if (isSigned) {
                    signedSeconds += elapsed;
                } else {
                    unsignedSeconds += elapsed;
                }
            }
        }
        double signedLoginsPerSecond = (signed.size() - perRound) / signedSeconds;
        double unsignedLoginsPerSecond = (unsigned.size() - perRound) / unsignedSeconds;
        List<String> saml2 = produce(warmUp + artifacts, i -> saml2Artifact(realmUrl, appBase));

        Function<String, Boolean> saml2Resolve =
                a -> soap(realmUrl + "/protocol/saml/resolve", artifactResolve(a), "ArtifactResponse");
        Function<String, Boolean> saml1Resolve = a -> soap(
                realmUrl + "/protocol/govid-moa-saml1/GetAuthenticationData", getAuthenticationData(a), ":Success");
        // Keycloak's cheapest request on the same server: the practical ceiling of any Keycloak endpoint here.
        Function<String, Boolean> discovery =
                ignored -> get(realmUrl + "/.well-known/openid-configuration", "\"issuer\"");
        List<String> discoveryRequests = java.util.Collections.nCopies(warmUp + artifacts, "discovery");
        // An untimed round over every path first, so no path pays for class loading and JIT compilation alone.
        resolve("warm-up", discoveryRequests.subList(0, warmUp), callers, discovery);
        resolve("warm-up", saml2.subList(0, warmUp), callers, saml2Resolve);
        resolve("warm-up", signed.subList(0, warmUp), callers, saml1Resolve);
        resolve("warm-up", unsigned.subList(0, warmUp), callers, saml1Resolve);

        // Interleaved rounds, each path (and the bare signing rate) in a rotating order, so background load hits
        // all of them alike rather than whichever ran last.
        int rounds = Integer.getInteger("rounds", 5);
        List<List<LoadRun.Result>> perPath =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> names = List.of(
                "Keycloak SAML2 ArtifactResolve (signed)",
                "GovID GetAuthenticationData (signed)",
                "GovID GetAuthenticationData (unsigned)",
                "Keycloak OIDC discovery document (GET)");
        List<List<String>> timed = List.of(
                saml2.subList(warmUp, saml2.size()),
                signed.subList(warmUp, signed.size()),
                unsigned.subList(warmUp, unsigned.size()),
                discoveryRequests.subList(warmUp, discoveryRequests.size()));
        List<Function<String, Boolean>> calls = List.of(saml2Resolve, saml1Resolve, saml1Resolve, discovery);
        double signatureSeconds = 0;
        long signatures = 0;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 5; k++) {
                int path = (round + k) % 5;
                if (path == 4) {
                    long start = System.nanoTime();
                    signatures += rsaSignaturesOnAllCores(400);
                    signatureSeconds += (System.nanoTime() - start) / 1e9;
                    continue;
                }
                List<String> all = timed.get(path);
                List<String> slice = all.subList(all.size() * round / rounds, all.size() * (round + 1) / rounds);
                perPath.get(path).add(resolve(names.get(path), slice, callers, calls.get(path)));
            }
        }
        LoadRun.Result keycloakSaml2 = LoadRun.Result.merge(names.get(0), perPath.get(0));
        LoadRun.Result govidSigned = LoadRun.Result.merge(names.get(1), perPath.get(1));
        LoadRun.Result govidUnsigned = LoadRun.Result.merge(names.get(2), perPath.get(2));
        LoadRun.Result keycloakDiscovery = LoadRun.Result.merge(names.get(3), perPath.get(3));
        double signaturesPerSecond = signatures / signatureSeconds;

        String table = String.format(
                Locale.ROOT,
                """
                SAML1 artifact resolution benchmark (%d artifacts per path after %d warm-up, %d concurrent callers, %d cores, %d interleaved rounds)
                | path | resolutions/s | p50 ms | p99 ms |
                |---|---|---|---|
                | %s | %.1f | %.1f | %.1f |
                | %s | %.1f | %.1f | %.1f |
                | %s | %.1f | %.1f | %.1f |
                | %s | %.1f | %.1f | %.1f |
                RSA-2048 SHA-256 signatures/s on all cores (the limit for signed resolution): %.0f
                GovID signed / Keycloak SAML2: %.3f (target >= 5.0); GovID signed / signature limit: %.3f (target >= 0.60);
                GovID signed / Keycloak's OIDC discovery document: %.3f (aim >= 0.5)
                Where the signature is paid, the SAML1 logins that produced the artifacts (8 browsers, eID round trip
                through the simulator, alternating rounds, first round untimed): signed client %.1f logins/s, unsigned
                client %.1f logins/s (ratio %.3f)
                """,
                artifacts,
                warmUp,
                callers,
                Runtime.getRuntime().availableProcessors(),
                rounds,
                keycloakSaml2.path(),
                keycloakSaml2.loginsPerSecond(),
                keycloakSaml2.percentileMillis(50),
                keycloakSaml2.percentileMillis(99),
                govidSigned.path(),
                govidSigned.loginsPerSecond(),
                govidSigned.percentileMillis(50),
                govidSigned.percentileMillis(99),
                govidUnsigned.path(),
                govidUnsigned.loginsPerSecond(),
                govidUnsigned.percentileMillis(50),
                govidUnsigned.percentileMillis(99),
                keycloakDiscovery.path(),
                keycloakDiscovery.loginsPerSecond(),
                keycloakDiscovery.percentileMillis(50),
                keycloakDiscovery.percentileMillis(99),
                signaturesPerSecond,
                govidSigned.loginsPerSecond() / keycloakSaml2.loginsPerSecond(),
                govidSigned.loginsPerSecond() / signaturesPerSecond,
                govidSigned.loginsPerSecond() / keycloakDiscovery.loginsPerSecond(),
                signedLoginsPerSecond,
                unsignedLoginsPerSecond,
                signedLoginsPerSecond / unsignedLoginsPerSecond);
        System.out.println();
        System.out.println(table);
        java.nio.file.Files.writeString(BenchmarkEnvironment.target().resolve("saml1-resolution-benchmark.md"), table);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static List<String> produce(int count, Function<Integer, String> login) throws Exception {
        ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                work.add(pool.submit(() -> out.add(login.apply(n))));
            }
            for (Future<?> f : work) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(out);
    }

    private static String saml1Artifact(String realmUrl, String oa) {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith("http://127.0.0.1:1/");
        Page toIdp = browser.get(Urls.withQuery(
                realmUrl + "/protocol/govid-moa-saml1/StartAuthentication",
                Map.of("Target", "BF", "OA", oa, "kc_idp_hint", "idaustria")));
        Page form = browser.followAutoPost(toIdp);
        Page back = browser.submitForm(
                form,
                "form[action$=/pvp/login]",
                Map.of("persona", "anna", "loa", "high", "fault", "none"),
                "action=login");
        Page redirect = browser.followAutoPost(back);
        return Urls.queryParams(redirect.location()).get("SAMLArtifact");
    }

    private static String saml2Artifact(String realmUrl, String appBase) {
        Browser browser = new Browser();
        browser.stopBeforeUrlStartingWith(appBase);
        // An SP-initiated request asking for the artifact binding, as an artifact-using SP sends it.
        String authnRequest = """
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
                 ID="_%s" Version="2.0" IssueInstant="%s" Destination="%s/protocol/saml"
                 ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" AssertionConsumerServiceURL="%ssaml2/acs">
                 <saml:Issuer>saml2-sp</saml:Issuer></samlp:AuthnRequest>""".formatted(UUID.randomUUID(), Instant.now(), realmUrl, appBase);
        Page login = browser.get(
                Urls.withQuery(realmUrl + "/protocol/saml", Map.of("SAMLRequest", deflateBase64(authnRequest))));
        Page answer =
                browser.submitForm(login, "#kc-form-login", Map.of("username", "anna", "password", "anna-password"));
        // Keycloak hands the artifact over with the ACS binding: a redirect, or an auto-posting form.
        if (answer.isRedirect()) {
            return Urls.queryParams(answer.location()).get("SAMLart");
        }
        var field = answer.document().select("input[name~=(?i)^samlart$]");
        if (field.isEmpty()) {
            throw new IllegalStateException(
                    "no artifact; inputs: " + answer.document().select("input").eachAttr("name"));
        }
        return field.first().attr("value");
    }

    private static String deflateBase64(String xml) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[8192];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, length));
    }

    private static LoadRun.Result resolve(
            String name, List<String> artifacts, int callers, Function<String, Boolean> call) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(artifacts);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                work.add(pool.submit(() -> {
                    for (String a = queue.poll(); a != null; a = queue.poll()) {
                        long t0 = System.nanoTime();
                        if (!call.apply(a)) {
                            throw new IllegalStateException(name + ": resolution failed");
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new LoadRun.Result(name, latencies, Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean get(String url, String expected) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean soap(String url, String body, String expected) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "text/xml; charset=utf-8")
                            .header("SOAPAction", "")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String getAuthenticationData(String artifact) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
                <samlp:Request xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="0"
                 RequestID="_%s" IssueInstant="%s"><samlp:AssertionArtifact>%s</samlp:AssertionArtifact></samlp:Request>
                </soapenv:Body></soapenv:Envelope>""".formatted(UUID.randomUUID(), Instant.now(), artifact);
    }

    private static String artifactResolve(String artifact) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
                <samlp:ArtifactResolve xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
                 ID="_%s" Version="2.0" IssueInstant="%s"><saml:Issuer>saml2-sp</saml:Issuer><samlp:Artifact>%s</samlp:Artifact>
                </samlp:ArtifactResolve></soapenv:Body></soapenv:Envelope>""".formatted(UUID.randomUUID(), Instant.now(), artifact);
    }

    private static final java.security.KeyPair RSA_KEY = rsaKey();

    private static java.security.KeyPair rsaKey() {
        try {
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            return keys.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RSA-2048 SHA-256 signatures with one thread per core (the ceiling for signed responses); returns how many. */
    private static long rsaSignaturesOnAllCores(int perThread) throws Exception {
        byte[] data = new byte[64];
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    for (int i = 0; i < perThread; i++) {
                        signature.initSign(RSA_KEY.getPrivate());
                        signature.update(data);
                        signature.sign();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            return (long) threads * perThread;
        } finally {
            pool.shutdownNow();
        }
    }
}
