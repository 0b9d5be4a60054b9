package dev.govid.keycloak.saml1;

import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.ClientModel;

/**
 * The per-application options of MOA-ID's SAML1 interface (seed §3.2.3.1), as client attributes of a
 * {@code govid-moa-saml1} client. Defaults follow MOA-ID: SAML1 off for new applications, no extra data.
 */
public record MoaSaml1ClientSettings(
        boolean enabled,
        boolean privateSector,
        String target,
        String businessRegisterNumber,
        String friendlyName,
        List<String> oaUrlPrefixes,
        Optional<String> sourceId,
        long artifactTtlSeconds,
        BackChannelAuth backChannelAuth,
        Optional<X500Principal> mtlsSubjectDn,
        Saml1ClientFlags flags) {

    public static final String ENABLED = "moa.saml1.enabled";
    public static final String PRIVATE_SECTOR = "moa.privateSector";
    public static final String TARGET = "moa.target";
    public static final String BUSINESS_REGISTER_NUMBER = "moa.businessRegisterNumber";
    public static final String FRIENDLY_NAME = "moa.friendlyName";
    public static final String OA_URL_PREFIXES = "moa.oaUrlPrefixes";
    public static final String SOURCE_ID = "moa.sourceId";
    public static final String SIGN_ASSERTION = "moa.signAssertion";
    public static final String TRANSMIT_BASE_ID = "moa.transmitBaseId";
    public static final String TRANSMIT_AUTH_BLOCK = "moa.transmitAuthBlock";
    public static final String TRANSMIT_IDENTITY_LINK = "moa.transmitIdentityLink";
    public static final String TRANSMIT_SIGNER_CERTIFICATE = "moa.transmitSignerCertificate";
    public static final String TRANSMIT_FULL_MANDATE = "moa.transmitFullMandate";
    public static final String MINOR_VERSION = "moa.minorVersion";
    /** MOA-ID's transaction timeout: authentication data not fetched by then is gone. */
    public static final String ARTIFACT_TTL_SECONDS = "moa.artifactTtlSeconds";
    static final long DEFAULT_ARTIFACT_TTL_SECONDS = 300;
    /**
     * {@code none} (MOA-ID compatible, default), {@code client-secret} (HTTP Basic with the client's id and secret)
     * or {@code mtls} (TLS client certificate with the subject in {@link #MTLS_SUBJECT_DN}).
     */
    public static final String BACK_CHANNEL_AUTH = "moa.backChannelAuth";
    /** The subject DN (RFC 4514, e.g. {@code CN=app.example.gv.at,O=Amt}) the application's TLS client certificate must have. */
    public static final String MTLS_SUBJECT_DN = "moa.mtls.subjectDn";

    public static MoaSaml1ClientSettings of(ClientModel client) {
        boolean privateSector = flag(client, PRIVATE_SECTOR, false);
        return new MoaSaml1ClientSettings(
                flag(client, ENABLED, false),
                privateSector,
                Optional.ofNullable(ConfigValues.trimToNull(client.getAttribute(TARGET))).orElse("BF"),
                ConfigValues.trimToNull(client.getAttribute(BUSINESS_REGISTER_NUMBER)),
                Optional.ofNullable(ConfigValues.trimToNull(client.getAttribute(FRIENDLY_NAME))).orElse(client.getClientId()),
                ConfigValues.list(client.getAttribute(OA_URL_PREFIXES)),
                Optional.ofNullable(ConfigValues.trimToNull(client.getAttribute(SOURCE_ID))),
                Optional.ofNullable(ConfigValues.trimToNull(client.getAttribute(ARTIFACT_TTL_SECONDS)))
                        .map(Long::parseLong).filter(ttl -> ttl > 0).orElse(DEFAULT_ARTIFACT_TTL_SECONDS),
                BackChannelAuth.parse(client.getAttribute(BACK_CHANNEL_AUTH)),
                subjectDn(client.getAttribute(MTLS_SUBJECT_DN)),
                new Saml1ClientFlags(
                        !privateSector && flag(client, TRANSMIT_BASE_ID, false),
                        flag(client, TRANSMIT_AUTH_BLOCK, false),
                        flag(client, TRANSMIT_IDENTITY_LINK, false),
                        flag(client, TRANSMIT_SIGNER_CERTIFICATE, false),
                        flag(client, TRANSMIT_FULL_MANDATE, false),
                        "1".equals(client.getAttribute(MINOR_VERSION)) ? 1 : 0,
                        flag(client, SIGN_ASSERTION, true)));
    }

    /** Whether an OA URL belongs to this application (one of its registered prefixes). */
    public Optional<Integer> matchLength(String oaUrl) {
        return oaUrlPrefixes.stream().filter(oaUrl::startsWith).map(String::length).max(Integer::compare);
    }

    /** Empty for no or an unparsable DN: mutual TLS then refuses every call (fail closed). */
    private static Optional<X500Principal> subjectDn(String value) {
        String dn = ConfigValues.trimToNull(value);
        if (dn == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new X500Principal(dn));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean flag(ClientModel client, String key, boolean defaultValue) {
        String value = client.getAttribute(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }
}
