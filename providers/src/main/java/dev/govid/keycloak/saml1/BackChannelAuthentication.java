package dev.govid.keycloak.saml1;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.x509.X509ClientCertificateLookup;

/**
 * Optional authentication of the application calling GetAuthenticationData — stronger than MOA-ID, which
 * had none, so it is off by default for compatibility. The caller must be the application the artifact was
 * issued for: by HTTP Basic with its client id and secret, or by a TLS client certificate with its registered
 * subject DN. The certificate comes through Keycloak's X.509 client-certificate lookup, so it works both when
 * Keycloak terminates TLS (the chain is then checked against {@code --https-trust-store-file} during the
 * handshake) and behind a proxy configured for Keycloak's certificate lookup.
 */
final class BackChannelAuthentication {

    private static final Logger LOG = Logger.getLogger(BackChannelAuthentication.class);

    private BackChannelAuthentication() {}

    static boolean accepts(KeycloakSession session, ClientModel owner, MoaSaml1ClientSettings settings) {
        return switch (settings.backChannelAuth()) {
            case NONE -> true;
            case CLIENT_SECRET -> basicAuthMatches(session, owner);
            case MUTUAL_TLS -> certificateMatches(session, owner, settings);
            case UNKNOWN -> {
                LOG.warnf(
                        "SAML1 client %s has an unknown %s value; every GetAuthenticationData call is refused",
                        owner.getClientId(), MoaSaml1ClientSettings.BACK_CHANNEL_AUTH);
                yield false;
            }
        };
    }

    private static boolean basicAuthMatches(KeycloakSession session, ClientModel owner) {
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || owner.getSecret() == null) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean idMatches = owner.getClientId().equals(decoded.substring(0, colon));
        boolean secretMatches = MessageDigest.isEqual(
                owner.getSecret().getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return idMatches && secretMatches;
    }

    private static boolean certificateMatches(
            KeycloakSession session, ClientModel owner, MoaSaml1ClientSettings settings) {
        if (settings.mtlsSubjectDn().isEmpty()) {
            LOG.warnf(
                    "SAML1 client %s requires a TLS client certificate but has no %s; every call is refused",
                    owner.getClientId(), MoaSaml1ClientSettings.MTLS_SUBJECT_DN);
            return false;
        }
        X509Certificate[] chain;
        try {
            X509ClientCertificateLookup lookup = session.getProvider(X509ClientCertificateLookup.class);
            chain = lookup == null
                    ? null
                    : lookup.getCertificateChain(session.getContext().getHttpRequest());
        } catch (GeneralSecurityException e) {
            LOG.debugf(e, "no usable TLS client certificate for SAML1 client %s", owner.getClientId());
            return false;
        }
        if (chain == null || chain.length == 0) {
            return false;
        }
        try {
            chain[0].checkValidity();
        } catch (GeneralSecurityException e) {
            return false;
        }
        // X500Principal equality compares canonical forms, so spacing and attribute-name case do not matter.
        return settings.mtlsSubjectDn().get().equals(chain[0].getSubjectX500Principal());
    }
}
