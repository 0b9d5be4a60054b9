package dev.govid.keycloak.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.dom.saml.v2.metadata.EndpointType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.IDPSSODescriptorType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.processing.core.saml.v2.util.SAMLMetadataUtil;

/**
 * Learns an IdP's entity ID and SSO endpoints from its metadata URL. Identity providers are created per
 * request, so the parsed result is cached per node; the signing keys are not taken from here — Keycloak's
 * own metadata key loader fetches and caches those.
 */
public final class IdpMetadataResolver {

    private static final Logger LOG = Logger.getLogger(IdpMetadataResolver.class);
    private static final Duration FRESH_FOR = Duration.ofHours(1);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final Map<String, CachedEntry> CACHE = new ConcurrentHashMap<>();

    private IdpMetadataResolver() {
    }

    /** The IdP endpoints, or empty when the metadata cannot be fetched or has no IdP role. */
    public static Optional<IdpEndpoints> resolve(KeycloakSession session, String metadataUrl) {
        Instant now = Clock.systemUTC().instant();
        CachedEntry cached = CACHE.get(metadataUrl);
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return Optional.ofNullable(cached.endpoints());
        }
        IdpEndpoints fetched = fetch(session, metadataUrl);
        if (fetched != null) {
            CACHE.put(metadataUrl, new CachedEntry(fetched, now.plus(FRESH_FOR)));
            return Optional.of(fetched);
        }
        // Keep serving the last good answer while the IdP's metadata is briefly unreachable.
        IdpEndpoints lastGood = cached == null ? null : cached.endpoints();
        CACHE.put(metadataUrl, new CachedEntry(lastGood, now.plus(RETRY_AFTER_FAILURE)));
        return Optional.ofNullable(lastGood);
    }

    /** Forgets everything learned, e.g. after an admin changed the URL. */
    public static void forget(String metadataUrl) {
        CACHE.remove(metadataUrl);
    }

    private static IdpEndpoints fetch(KeycloakSession session, String metadataUrl) {
        try {
            String xml = session.getProvider(HttpClientProvider.class).getString(metadataUrl);
            return parse(xml);
        } catch (Exception e) {
            LOG.warnf("Could not read IdP metadata from %s: %s", metadataUrl, e.getMessage());
            return null;
        }
    }

    static IdpEndpoints parse(String xml) throws Exception {
        EntityDescriptorType entity = SAMLMetadataUtil.parseEntityDescriptorType(xml);
        IDPSSODescriptorType idp = SAMLMetadataUtil.locateIDPSSODescriptorType(entity);
        if (idp == null) {
            throw new IllegalArgumentException("metadata has no IDPSSODescriptor");
        }
        String post = null;
        String redirect = null;
        for (EndpointType endpoint : idp.getSingleSignOnService()) {
            String binding = endpoint.getBinding().toString();
            if (post == null && JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.get().equals(binding)) {
                post = endpoint.getLocation().toString();
            } else if (redirect == null && JBossSAMLURIConstants.SAML_HTTP_REDIRECT_BINDING.get().equals(binding)) {
                redirect = endpoint.getLocation().toString();
            }
        }
        if (post == null && redirect == null) {
            throw new IllegalArgumentException("metadata has no POST or Redirect SingleSignOnService");
        }
        return new IdpEndpoints(entity.getEntityID(), post != null ? post : redirect, redirect != null ? redirect : post);
    }

    private record CachedEntry(IdpEndpoints endpoints, Instant refreshAt) {
    }
}
