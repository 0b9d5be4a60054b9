package dev.govid.keycloak.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.govid.keycloak.harness.HarnessPaths;

/**
 * Runs a GovID path and the stock path doing the same job in alternating rounds (so a warming JVM and
 * machine noise hit both), then reports throughput, p50/p95 and the ratio, overall and per round.
 * System properties: {@code users} (8), {@code logins} per path and round (150), {@code rounds} (6),
 * {@code warmup} logins per path (150).
 */
final class Comparison {

    private Comparison() {}

    static void run(String title, LoginPath stock, LoginPath govid, Path report) throws Exception {
        run(title, stock, govid, report, "GovID / stock");
    }

    /** @param ratioLabel what the ratio compares, e.g. "revision log on / off" */
    static void run(String title, LoginPath stock, LoginPath govid, Path report, String ratioLabel) throws Exception {
        int users = Integer.getInteger("users", 8);
        int logins = Integer.getInteger("logins", 150);
        int rounds = Integer.getInteger("rounds", 6);
        int warmup = Integer.getInteger("warmup", 150);

        // The first login creates the user; concurrent first logins of one person would race for it.
        stock.login();
        govid.login();
        System.out.printf("%s: warming up (%d logins per path) …%n", title, warmup);
        LoadRun.run(stock, users, warmup);
        LoadRun.run(govid, users, warmup);

        List<LoadRun.Result> stockRounds = new ArrayList<>();
        List<LoadRun.Result> govidRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            if (round % 2 == 1) {
                stockRounds.add(LoadRun.run(stock, users, logins));
                govidRounds.add(LoadRun.run(govid, users, logins));
            } else {
                govidRounds.add(LoadRun.run(govid, users, logins));
                stockRounds.add(LoadRun.run(stock, users, logins));
            }
            System.out.printf(
                    "round %d: %s %.1f logins/s, %s %.1f logins/s%n",
                    round,
                    stock.name(),
                    stockRounds.get(round - 1).loginsPerSecond(),
                    govid.name(),
                    govidRounds.get(round - 1).loginsPerSecond());
        }
        LoadRun.Result s = LoadRun.Result.merge(stock.name(), stockRounds);
        LoadRun.Result g = LoadRun.Result.merge(govid.name(), govidRounds);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ratios.add(govidRounds.get(i).loginsPerSecond() / stockRounds.get(i).loginsPerSecond());
        }
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(null);
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        StringBuilder perRound = new StringBuilder();
        for (double r : ratios) {
            perRound.append(perRound.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r));
        }
        String table = String.format(
                Locale.ROOT,
                """
                %s (%d concurrent users, %d rounds x %d logins per path, Keycloak %s, %d cores)
                | path | logins/s | p50 ms | p95 ms |
                |---|---|---|---|
                | %s | %.1f | %.0f | %.0f |
                | %s | %.1f | %.0f | %.0f |
                ratio %s throughput: %.3f (target >= 0.95); per round: %s; median of rounds: %.3f
                """,
                title,
                users,
                rounds,
                logins,
                HarnessPaths.keycloakVersion(),
                Runtime.getRuntime().availableProcessors(),
                stock.name(),
                s.loginsPerSecond(),
                s.percentileMillis(50),
                s.percentileMillis(95),
                govid.name(),
                g.loginsPerSecond(),
                g.percentileMillis(50),
                g.percentileMillis(95),
                ratioLabel,
                g.loginsPerSecond() / s.loginsPerSecond(),
                perRound,
                median);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        System.out.println("written to " + report);
    }
}
