package dev.govid.keycloak.metrics;

import java.time.Duration;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The names and labels of GovID's metrics, in one place so {@code docs/operations.md} and the code agree.
 * Micrometer names; Prometheus shows them with underscores and {@code _total}/{@code _seconds} suffixes
 * ({@code govid_logins_total}, {@code govid_revision_log_write_seconds}).
 */
public final class GovIdMetrics {

    public static final String LOGINS = "govid.logins";
    public static final String REFUSALS = "govid.refusals";
    public static final String SAML1_ARTIFACTS = "govid.saml1.artifacts";
    public static final String REVISION_LOG_WRITE = "govid.revision.log.write";
    public static final String METADATA_FETCH_FAILURES = "govid.metadata.fetch.failures";

    /** Codes are MOA-ID numbers, GovID message keys or Keycloak error constants; anything else is not a code. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,48}");

    static final String OTHER = "other";
    static final String UNKNOWN = "unknown";

    private GovIdMetrics() {}

    /** A login into an application finished ({@code outcome=success}) or was refused ({@code outcome=refused}). */
    public static void login(String eidProviderType, String level, String outcome) {
        Counter.builder(LOGINS)
                .description("GovID logins into applications by eID provider type, assurance level and outcome")
                .tag("eid", bounded(eidProviderType))
                .tag("level", bounded(level))
                .tag("outcome", outcome)
                .register(Metrics.globalRegistry)
                .increment();
    }

    /** A refusal with its MOA-ID status or GovID/Keycloak error code. */
    public static void refusal(String code, String eidProviderType) {
        Counter.builder(REFUSALS)
                .description("Refused GovID logins by MOA-ID/GovID/Keycloak code")
                .tag("code", bounded(code))
                .tag("eid", bounded(eidProviderType))
                .register(Metrics.globalRegistry)
                .increment();
    }

    /** {@code issued}, {@code issued_error} (a login error handed out as artifact), {@code resolved} or {@code unknown}. */
    public static void saml1Artifact(String event) {
        Counter.builder(SAML1_ARTIFACTS)
                .description("SAML1 artifacts issued and resolved; unknown = expired, already used or never issued")
                .tag("event", event)
                .register(Metrics.globalRegistry)
                .increment();
    }

    public static void revisionLogWrite(Duration duration) {
        Timer.builder(REVISION_LOG_WRITE)
                .description("Time to chain and persist one request's revision-log records, chain lock included")
                .register(Metrics.globalRegistry)
                .record(duration);
    }

    public static void metadataFetchFailure() {
        Counter.builder(METADATA_FETCH_FAILURES)
                .description("Failed downloads of eID IdP metadata")
                .register(Metrics.globalRegistry)
                .increment();
    }

    static String bounded(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        return CODE.matcher(value).matches() ? value : OTHER;
    }
}
