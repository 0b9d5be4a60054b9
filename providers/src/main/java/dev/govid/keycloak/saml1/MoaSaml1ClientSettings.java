package dev.govid.keycloak.saml1;

import java.util.List;
import java.util.Optional;

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
        boolean backChannelSecretRequired,
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
    /** {@code none} (MOA-ID compatible, default) or {@code client-secret}: HTTP Basic with the client's id and secret. */
    public static final String BACK_CHANNEL_AUTH = "moa.backChannelAuth";

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
                "client-secret".equalsIgnoreCase(ConfigValues.trimToNull(client.getAttribute(BACK_CHANNEL_AUTH))),
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

    private static boolean flag(ClientModel client, String key, boolean defaultValue) {
        String value = client.getAttribute(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }
}
