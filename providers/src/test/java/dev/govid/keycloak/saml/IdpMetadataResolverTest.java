package dev.govid.keycloak.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class IdpMetadataResolverTest {

    private static final IdpEndpoints ENDPOINTS = new IdpEndpoints("idp", "https://idp/post", "https://idp/redirect");
    private final IdpMetadataResolver resolver = new IdpMetadataResolver();

    @Test
    void eachResolverKeepsItsOwnCache() {
        String url = "http://test/own-" + System.nanoTime();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        resolver.resolve(url, t0, () -> new IdpMetadataResolver.Fetched(ENDPOINTS, null));
        IdpMetadataResolver.Download down = () -> {
            throw new IOException("connection refused");
        };
        assertThat(resolver.resolve(url, t0.plusSeconds(1), down)).contains(ENDPOINTS);
        assertThat(new IdpMetadataResolver().resolve(url, t0.plusSeconds(1), down))
                .as("another factory's resolver")
                .isEmpty();
    }

    @Test
    void neverReadMetadataIsRetriedWithBackoffAndWorksOnceTheIdpIsUp() {
        String url = "http://test/never-" + System.nanoTime();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        AtomicInteger downloads = new AtomicInteger();
        IdpMetadataResolver.Download down = () -> {
            downloads.incrementAndGet();
            throw new IOException("connection refused");
        };
        assertThat(resolver.resolve(url, t0, down)).isEmpty();
        assertThat(resolver.resolve(url, t0.plusMillis(500), down))
                .as("within the backoff, no new download")
                .isEmpty();
        assertThat(downloads).hasValue(1);
        assertThat(resolver.resolve(url, t0.plusSeconds(1), () -> new IdpMetadataResolver.Fetched(ENDPOINTS, null)))
                .contains(ENDPOINTS);
    }

    @Test
    void lastGoodCopyIsServedWhileValid() {
        String url = "http://test/flaky-" + System.nanoTime();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        resolver.resolve(url, t0, () -> new IdpMetadataResolver.Fetched(ENDPOINTS, t0.plus(Duration.ofHours(3))));
        IdpMetadataResolver.Download down = () -> {
            throw new IOException("down");
        };
        assertThat(resolver.resolve(url, t0.plus(Duration.ofHours(2)), down)).contains(ENDPOINTS);
        assertThat(resolver.resolve(url, t0.plus(Duration.ofHours(4)), down))
                .as("past validUntil")
                .isEmpty();
    }

    @Test
    void backoffDoublesUpToOneMinute() {
        assertThat(IdpMetadataResolver.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IdpMetadataResolver.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(IdpMetadataResolver.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(IdpMetadataResolver.backoff(100)).isEqualTo(Duration.ofSeconds(60));
    }
}
