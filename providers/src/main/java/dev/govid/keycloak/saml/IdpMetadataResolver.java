package dev.govid.keycloak.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.datatype.XMLGregorianCalendar;

import dev.govid.keycloak.metrics.GovIdMetrics;
import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.dom.saml.v2.metadata.EndpointType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.IDPSSODescriptorType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.processing.core.saml.v2.util.SAMLMetadataUtil;

/**
 * Learns an IdP's entity ID, SSO endpoints and SOAP ArtifactResolutionService from its metadata URL. Identity providers are created per
 * request, so the parsed result is cached on this node by the instance each eID profile's factory owns (one
 * per factory, living as long as Keycloak's provider factories); the signing keys are not taken from here —
 * Keycloak's own metadata key loader fetches and caches those.
 *
 * <p>A failed download is retried with exponential backoff (1 s doubling to 60 s), so a provider registered
 * before its IdP was reachable works within a second or two of the IdP coming up, while an IdP that stays
 * down is asked at most once a minute per node. Meanwhile the last good copy is served until its
 * {@code validUntil} (or {@link #STALE_FOR} when it names none). The admin sees one WARN line when a
 * download starts failing and one INFO line when it works again, not one per login.
 */
public final class IdpMetadataResolver {

    private static final Logger LOG = Logger.getLogger(IdpMetadataResolver.class);
    private static final Duration FRESH_FOR = Duration.ofHours(1);
    static final Duration STALE_FOR = Duration.ofHours(24);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);
    private final Map<String, CachedEntry> cache = new ConcurrentHashMap<>();

    /** The IdP endpoints, or empty when the metadata has never been read (or its last good copy expired). */
    public Optional<IdpEndpoints> resolve(KeycloakSession session, String metadataUrl) {
        return resolve(metadataUrl, Clock.systemUTC().instant(), () -> download(session, metadataUrl));
    }

    Optional<IdpEndpoints> resolve(String metadataUrl, Instant now, Download download) {
        CachedEntry cached = cache.get(metadataUrl);
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return cached.usableAt(now);
        }
        try {
            Fetched fetched = download.fetch();
            if (cached != null && cached.failures() > 0) {
                LOG.infof("IdP metadata from %s is readable again", metadataUrl);
            }
            Instant expiresAt = fetched.validUntil() != null ? fetched.validUntil() : now.plus(STALE_FOR);
            CachedEntry entry = new CachedEntry(fetched.endpoints(), expiresAt, now.plus(FRESH_FOR), 0, now);
            cache.put(metadataUrl, entry);
            return entry.usableAt(now);
        } catch (Exception e) {
            int failures = cached == null ? 1 : cached.failures() + 1;
            GovIdMetrics.metadataFetchFailure();
            if (failures == 1) {
                LOG.warnf(
                        "Could not read IdP metadata from %s (retrying with backoff up to every %d s): %s",
                        metadataUrl, MAX_RETRY.toSeconds(), e.getMessage());
            } else {
                LOG.debugf(
                        "IdP metadata from %s still unreadable (attempt %d): %s",
                        metadataUrl, failures, e.getMessage());
            }
            // Keep serving the last good answer while the IdP's metadata is unreachable and still valid.
            CachedEntry entry = new CachedEntry(
                    cached == null ? null : cached.endpoints(),
                    cached == null ? now : cached.expiresAt(),
                    now.plus(backoff(failures)),
                    failures,
                    cached == null ? null : cached.lastSuccess());
            cache.put(metadataUrl, entry);
            return entry.usableAt(now);
        }
    }

    static Duration backoff(int failures) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    /** When this node last read the metadata successfully for logins (for the self-test), if ever. */
    public Optional<Instant> lastSuccess(String metadataUrl) {
        CachedEntry cached = cache.get(metadataUrl);
        return cached == null ? Optional.empty() : Optional.ofNullable(cached.lastSuccess());
    }

    private static Fetched download(KeycloakSession session, String metadataUrl) throws Exception {
        return parse(session.getProvider(HttpClientProvider.class).getString(metadataUrl));
    }

    static Fetched parse(String xml) throws Exception {
        EntityDescriptorType entity = SAMLMetadataUtil.parseEntityDescriptorType(xml);
        IDPSSODescriptorType idp = SAMLMetadataUtil.locateIDPSSODescriptorType(entity);
        if (idp == null) {
            throw new IllegalArgumentException("metadata has no IDPSSODescriptor");
        }
        String post = null;
        String redirect = null;
        for (EndpointType endpoint : idp.getSingleSignOnService()) {
            String binding = endpoint.getBinding().toString();
            if (post == null
                    && JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.get().equals(binding)) {
                post = endpoint.getLocation().toString();
            } else if (redirect == null
                    && JBossSAMLURIConstants.SAML_HTTP_REDIRECT_BINDING.get().equals(binding)) {
                redirect = endpoint.getLocation().toString();
            }
        }
        if (post == null && redirect == null) {
            throw new IllegalArgumentException("metadata has no POST or Redirect SingleSignOnService");
        }
        String artifactResolution = idp.getArtifactResolutionService().stream()
                .filter(service -> JBossSAMLURIConstants.SAML_SOAP_BINDING
                        .get()
                        .equals(service.getBinding().toString()))
                .map(service -> service.getLocation().toString())
                .findFirst()
                .orElse(null);
        XMLGregorianCalendar validUntil = entity.getValidUntil();
        return new Fetched(
                new IdpEndpoints(
                        entity.getEntityID(),
                        post != null ? post : redirect,
                        redirect != null ? redirect : post,
                        artifactResolution),
                validUntil == null ? null : validUntil.toGregorianCalendar().toInstant());
    }

    @FunctionalInterface
    interface Download {
        Fetched fetch() throws Exception;
    }

    record Fetched(IdpEndpoints endpoints, Instant validUntil) {}

    private record CachedEntry(
            IdpEndpoints endpoints, Instant expiresAt, Instant refreshAt, int failures, Instant lastSuccess) {
        Optional<IdpEndpoints> usableAt(Instant now) {
            return endpoints != null && now.isBefore(expiresAt) ? Optional.of(endpoints) : Optional.empty();
        }
    }
}
