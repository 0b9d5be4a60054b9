package dev.govid.keycloak.health;

import java.util.List;

/** The self-test's answer: {@code UP} when every check passed, {@code DOWN} with the failing names otherwise. */
public record SelfTestReport(
        String status,
        String realm,
        String checkedAt,
        int certificateWarningDays,
        List<String> failing,
        List<Check> checks) {

    static SelfTestReport of(String realm, String checkedAt, int certificateWarningDays, List<Check> checks) {
        List<String> failing =
                checks.stream().filter(c -> !c.ok()).map(Check::name).toList();
        return new SelfTestReport(
                failing.isEmpty() ? "UP" : "DOWN", realm, checkedAt, certificateWarningDays, failing, checks);
    }

    public boolean up() {
        return failing.isEmpty();
    }

    /** What an unauthenticated caller may see: the status and which checks fail, nothing else. */
    public Summary summary() {
        return new Summary(status, failing);
    }

    public record Summary(String status, List<String> failing) {}
}
