package dev.govid.keycloak.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.revisionlog.RevisionLogHealth;
import dev.govid.keycloak.saml.EidIdentityProviderFactory;
import dev.govid.keycloak.saml.EidProfileConfig;
import dev.govid.keycloak.saml.IdpMetadataProbe;
import dev.govid.keycloak.saml.IdpMetadataResolver;
import dev.govid.keycloak.saml1.MoaSaml1LoginProtocolFactory;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Runs every check for one realm. Which checks exist follows from the realm: per enabled GovID identity
 * provider (provider type {@code govid-…}, eID-neutral through {@link EidProfileConfig}) its metadata and the
 * IdP's certificates, then our signing and encryption certificates; the SAML1 signing key when a client speaks
 * SAML1; the revision log when it is on.
 */
final class SelfTest {

    private static final int MAX_MESSAGE = 200;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final int warningDays;
    private final Instant now = Instant.now();

    private SelfTest(KeycloakSession session, RealmModel realm, int warningDays) {
        this.session = session;
        this.realm = realm;
        this.warningDays = warningDays;
    }

    static SelfTestReport run(KeycloakSession session, RealmModel realm, int warningDays) {
        return new SelfTest(session, realm, warningDays).run();
    }

    private SelfTestReport run() {
        List<Check> checks = new ArrayList<>();
        List<IdentityProviderModel> providers = session.identityProviders()
                .getAllStream()
                .filter(m -> m.isEnabled()
                        && m.getProviderId() != null
                        && m.getProviderId().startsWith("govid-"))
                .sorted(Comparator.comparing(IdentityProviderModel::getAlias))
                .toList();
        for (IdentityProviderModel provider : providers) {
            providerChecks(provider, checks);
        }
        if (!providers.isEmpty()) {
            checks.add(realmCertificate("certificate:realm-signing", KeyUse.SIG));
            checks.add(realmCertificate("certificate:realm-encryption", KeyUse.ENC));
        }
        if (realm.getClientsStream()
                .anyMatch(c -> c.isEnabled() && MoaSaml1LoginProtocolFactory.PROTOCOL_ID.equals(c.getProtocol()))) {
            checks.add(saml1SigningKey());
        }
        if (RevisionLogHealth.isEnabled(realm)) {
            RevisionLogHealth.Outcome chains = RevisionLogHealth.chainsVerify(session, realm);
            checks.add(new Check(
                    "revision-log:chains",
                    chains.ok(),
                    chains.detail(),
                    chains.problems().isEmpty() ? Map.of() : Map.of("problems", chains.problems())));
            RevisionLogHealth.Outcome writable = RevisionLogHealth.tableWritable(session, realm);
            checks.add(new Check("revision-log:writable", writable.ok(), writable.detail(), Map.of()));
        }
        return SelfTestReport.of(realm.getName(), now.toString(), warningDays, checks);
    }

    /** The metadata cache the profile's factory keeps for logins (empty for a provider type that has none). */
    private Optional<IdpMetadataResolver> metadataCache(IdentityProviderModel model) {
        return session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, model.getProviderId())
                        instanceof EidIdentityProviderFactory<?, ?> factory
                ? Optional.of(factory.metadata())
                : Optional.empty();
    }

    private void providerChecks(IdentityProviderModel model, List<Check> checks) {
        String name = "metadata:" + model.getAlias();
        Optional<String> url = metadataUrl(model);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("providerType", model.getProviderId());
        if (url.isEmpty()) {
            checks.add(Check.fail(name, "no IdP metadata URL configured", details));
            return;
        }
        details.put("url", url.get());
        metadataCache(model).flatMap(cache -> cache.lastSuccess(url.get())).ifPresent(last -> {
            details.put("lastReadForLogins", last.toString());
            details.put("ageSeconds", Duration.between(last, now).toSeconds());
        });
        IdpMetadataProbe.Result metadata;
        try {
            metadata = IdpMetadataProbe.read(session, url.get());
        } catch (Exception e) {
            details.put("reachable", false);
            checks.add(Check.fail(name, "metadata not readable: " + shortMessage(e), details));
            return;
        }
        details.put("reachable", true);
        details.put("entityId", metadata.entityId());
        if (metadata.validUntil() != null) {
            details.put("validUntil", metadata.validUntil().toString());
        }
        if (metadata.validUntil() != null && !now.isBefore(metadata.validUntil())) {
            checks.add(Check.fail(name, "metadata expired (validUntil " + metadata.validUntil() + ")", details));
        } else if (metadata.certificates().stream().noneMatch(c -> !"encryption".equals(c.use()))) {
            checks.add(Check.fail(name, "metadata publishes no signing certificate", details));
        } else {
            checks.add(Check.pass(name, "reachable", details));
        }
        int index = 0;
        for (IdpMetadataProbe.IdpCertificate certificate : metadata.certificates()) {
            checks.add(CertificateCheck.of(
                    "certificate:" + model.getAlias() + ":" + certificate.use() + ":" + index++,
                    certificate.certificate(),
                    now,
                    warningDays));
        }
    }

    /** The profile's own reading of its config (presets included), without naming any eID system. */
    private Optional<String> metadataUrl(IdentityProviderModel model) {
        IdentityProviderFactory<?> factory = (IdentityProviderFactory<?>)
                session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, model.getProviderId());
        if (factory == null) {
            return Optional.empty();
        }
        Object config = factory.create(session, model).getConfig();
        return config instanceof EidProfileConfig eid ? eid.getIdpMetadataUrl() : Optional.empty();
    }

    /** The newest active key of that use with a certificate, as the SP metadata lists it first. */
    private Check realmCertificate(String name, KeyUse use) {
        Optional<KeyWrapper> key = session.keys()
                .getKeysStream(realm)
                .filter(k -> use.equals(k.getUse()) && k.getStatus().isActive() && k.getCertificate() != null)
                .filter(k -> use != KeyUse.SIG || Algorithm.RS256.equals(k.getAlgorithmOrDefault()))
                .max(Comparator.comparingLong(KeyWrapper::getProviderPriority));
        if (key.isEmpty()) {
            return Check.fail(
                    name,
                    "no active " + (use == KeyUse.SIG ? "RS256 signing" : "encryption") + " key with a certificate",
                    Map.of());
        }
        return CertificateCheck.of(name, key.get().getCertificate(), now, warningDays);
    }

    private Check saml1SigningKey() {
        var key = session.keys().getActiveRsaKey(realm);
        if (key == null || key.getCertificate() == null) {
            return Check.fail(
                    "saml1:signing-key", "no active RSA key with a certificate to sign SAML1 assertions", Map.of());
        }
        return CertificateCheck.of("saml1:signing-key", key.getCertificate(), now, warningDays);
    }

    private static String shortMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }
}
