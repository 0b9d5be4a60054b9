package dev.govid.keycloak.benchmarks;

import java.util.List;

/**
 * Entry point of {@code benchmarks/run}: {@code bundid}, {@code pvp}, {@code digid}, {@code saml1}, {@code sso}, {@code revisionlog} or {@code all} (default),
 * each a GovID path against the stock Keycloak path on one Keycloak started for the run.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("all") : List.of(args);
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start()) {
            if (which.contains("all") || which.contains("bundid")) {
                BundIdLoginBenchmark.run(env);
            }
            if (which.contains("all") || which.contains("pvp")) {
                PvpMandateLoginBenchmark.run(env);
            }
            if (which.contains("all") || which.contains("digid")) {
                DigidLoginBenchmark.run(env);
            }
            if (which.contains("all") || which.contains("saml1")) {
                Saml1ResolutionBenchmark.run(env);
            }
            if (which.contains("all") || which.contains("sso")) {
                SsoBenchmark.run(env);
            }
            if (which.contains("all") || which.contains("revisionlog")) {
                RevisionLogBenchmark.run(env);
            }
        }
    }
}
