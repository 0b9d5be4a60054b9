package dev.govid.keycloak.digid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.govid.keycloak.saml.SecureXml;
import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The one endpoint GovID's shared metadata resolver does not read: the IdP's SOAP ArtifactResolutionService. Kept by
 * the factory (one per node), refreshed hourly; a failed download keeps the last good answer and logs once.
 */
final class DigidMetadata {

    private static final Logger LOG = Logger.getLogger(DigidMetadata.class);
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String SOAP_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP";
    private static final Duration FRESH_FOR = Duration.ofHours(1);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    Optional<String> artifactResolutionService(KeycloakSession session, String metadataUrl) {
        Instant now = clock.instant();
        Entry cached = cache.get(metadataUrl);
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return Optional.ofNullable(cached.url());
        }
        try {
            String url = parse(session.getProvider(HttpClientProvider.class).getString(metadataUrl));
            cache.put(metadataUrl, new Entry(url, now.plus(FRESH_FOR), false));
            return Optional.of(url);
        } catch (Exception e) {
            if (cached == null || !cached.failing()) {
                LOG.warnf("Could not read the DigiD ArtifactResolutionService from %s: %s", metadataUrl, e.getMessage());
            }
            cache.put(metadataUrl, new Entry(cached == null ? null : cached.url(), now.plus(RETRY_AFTER), true));
            return Optional.ofNullable(cached == null ? null : cached.url());
        }
    }

    static String parse(String xml) {
        NodeList services = SecureXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getElementsByTagNameNS(MD, "ArtifactResolutionService");
        for (int i = 0; i < services.getLength(); i++) {
            Element service = (Element) services.item(i);
            if (SOAP_BINDING.equals(service.getAttribute("Binding")) && !service.getAttribute("Location").isBlank()) {
                return service.getAttribute("Location").trim();
            }
        }
        throw new IllegalArgumentException("metadata names no SOAP ArtifactResolutionService");
    }

    private record Entry(String url, Instant refreshAt, boolean failing) {
    }
}
