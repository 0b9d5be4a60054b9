package dev.govid.keycloak.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a fixed number of logins with a fixed number of concurrent users and records each login's latency. */
final class LoadRun {

    private LoadRun() {}

    static Result run(LoginPath path, int users, int logins) throws Exception {
        AtomicInteger remaining = new AtomicInteger(logins);
        List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>(logins));
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                workers.add(pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        long t0 = System.nanoTime();
                        path.login();
                        latenciesNanos.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
            return new Result(path.name(), latenciesNanos, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    record Result(String path, List<Long> latenciesNanos, Duration elapsed) {

        double loginsPerSecond() {
            return latenciesNanos.size() / (elapsed.toNanos() / 1e9);
        }

        double percentileMillis(double p) {
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
        }

        static Result merge(String path, List<Result> rounds) {
            List<Long> all = new ArrayList<>();
            Duration total = Duration.ZERO;
            for (Result round : rounds) {
                all.addAll(round.latenciesNanos);
                total = total.plus(round.elapsed);
            }
            return new Result(path, all, total);
        }
    }
}
