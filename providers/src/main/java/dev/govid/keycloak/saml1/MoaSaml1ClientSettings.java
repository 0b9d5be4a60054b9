package dev.govid.keycloak.saml1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.settings.HttpUrl;
import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;

/**
 * The per-application options of MOA-ID's SAML1 interface (its configuration of an online application), as client attributes of a
 * {@code govid-moa-saml1} client, read once into typed values ({@link #read}). Defaults follow MOA-ID: SAML1 off
 * for new applications, no extra data. Invalid values are refused when the client is saved and, if one slipped
 * in anyway, make StartAuthentication and GetAuthenticationData refuse (fail closed) instead of guessing.
 */
public record MoaSaml1ClientSettings(
        boolean enabled,
        boolean privateSector,
        Optional<String> target,
        String businessRegisterNumber,
        String friendlyName,
        List<HttpUrl> oaUrlPrefixes,
        Optional<String> sourceId,
        long artifactTtlSeconds,
        BackChannelAuthMethod backChannelAuth,
        Optional<X500Principal> mtlsSubjectDn,
        Saml1ClientFlags flags) {

    public static final String ENABLED = "moa.saml1.enabled";
    /** @deprecated use {@link RepresentationRules#PRIVATE_SECTOR} ({@code govid.privateSector}); still read. */
    @Deprecated
    public static final String PRIVATE_SECTOR = RepresentationRules.LEGACY_PRIVATE_SECTOR;
    /** The application's public-sector code ({@code BF}); no default: without it the request's {@code Target} decides. */
    public static final String TARGET = "moa.target";
    /** Accepted in front of {@link #TARGET} and dropped: the sector is stored as its code. */
    static final String PUBLIC_SECTOR_PREFIX = "urn:publicid:gv.at:cdid+";

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
    static final long MAX_ARTIFACT_TTL_SECONDS = 3600;
    /**
     * {@code none} (MOA-ID compatible, default), {@code client-secret} (HTTP Basic with the client's id and secret)
     * or {@code mtls} (TLS client certificate with the subject in {@link #MTLS_SUBJECT_DN}).
     */
    public static final String BACK_CHANNEL_AUTH = "moa.backChannelAuth";
    /** The subject DN (RFC 4514, e.g. {@code CN=app.example.gv.at,O=Amt}) the application's TLS client certificate must have. */
    public static final String MTLS_SUBJECT_DN = "moa.mtls.subjectDn";

    /** Every key this group reads (the deprecated private-sector key included). */
    public static final List<String> KEYS = List.of(
            ENABLED,
            PRIVATE_SECTOR,
            TARGET,
            BUSINESS_REGISTER_NUMBER,
            FRIENDLY_NAME,
            OA_URL_PREFIXES,
            SOURCE_ID,
            SIGN_ASSERTION,
            TRANSMIT_BASE_ID,
            TRANSMIT_AUTH_BLOCK,
            TRANSMIT_IDENTITY_LINK,
            TRANSMIT_SIGNER_CERTIFICATE,
            TRANSMIT_FULL_MANDATE,
            MINOR_VERSION,
            ARTIFACT_TTL_SECONDS,
            BACK_CHANNEL_AUTH,
            MTLS_SUBJECT_DN);

    public static Parsed<MoaSaml1ClientSettings> read(ClientModel client) {
        return read(SettingsReader.of(client), client.getClientId());
    }

    /** The settings of a GovID settings form, which belongs to no single client (no friendly-name default). */
    public static Parsed<MoaSaml1ClientSettings> read(SettingsReader settings) {
        return read(settings, null);
    }

    private static Parsed<MoaSaml1ClientSettings> read(SettingsReader settings, String clientId) {
        boolean enabled = settings.bool(ENABLED, false);
        boolean privateSector = RepresentationRules.privateSector(settings);
        String target = settings.text(TARGET, 64);
        if (target != null && target.startsWith(PUBLIC_SECTOR_PREFIX)) {
            target = target.substring(PUBLIC_SECTOR_PREFIX.length());
        }
        if (target != null && !Saml1Target.isSectorCode(target)) {
            settings.problem(
                    TARGET, "is not a public-sector Target (e.g. BF, SV, GH-GD: capitals, optional - sub-sector)");
            target = null;
        }
        String businessRegisterNumber = settings.text(BUSINESS_REGISTER_NUMBER, 64);
        String friendlyName = settings.text(FRIENDLY_NAME, 255);
        List<HttpUrl> prefixes = new ArrayList<>();
        for (String prefix : settings.list(OA_URL_PREFIXES, p -> null)) {
            try {
                prefixes.add(HttpUrl.prefix(prefix));
            } catch (HttpUrl.InvalidUrlException e) {
                settings.problem(OA_URL_PREFIXES, "has an entry that " + e.getMessage());
            }
        }
        if (enabled && prefixes.isEmpty() && !settings.isSet(OA_URL_PREFIXES)) {
            settings.problem(
                    OA_URL_PREFIXES, "is needed when " + ENABLED + " is true: no OA URL would match this application");
        }
        String sourceId = settings.text(SOURCE_ID, 255);
        long ttl = settings.number(ARTIFACT_TTL_SECONDS, 1, MAX_ARTIFACT_TTL_SECONDS)
                .orElse(DEFAULT_ARTIFACT_TTL_SECONDS);
        BackChannelAuthMethod backChannel = BackChannelAuthMethod.parse(settings.raw(BACK_CHANNEL_AUTH));
        if (backChannel == BackChannelAuthMethod.UNKNOWN) {
            settings.problem(BACK_CHANNEL_AUTH, "must be one of none, client-secret, mtls");
        }
        Optional<X500Principal> subjectDn = subjectDn(settings);
        if (backChannel == BackChannelAuthMethod.MUTUAL_TLS
                && subjectDn.isEmpty()
                && !settings.isSet(MTLS_SUBJECT_DN)) {
            settings.problem(MTLS_SUBJECT_DN, "is needed when " + BACK_CHANNEL_AUTH + " is mtls");
        }
        int minorVersion = settings.choice(MINOR_VERSION, 0, SettingsReader.options(List.of("0", "1"), List.of(0, 1)));
        Saml1ClientFlags flags = new Saml1ClientFlags(
                !privateSector && settings.bool(TRANSMIT_BASE_ID, false),
                settings.bool(TRANSMIT_AUTH_BLOCK, false),
                settings.bool(TRANSMIT_IDENTITY_LINK, false),
                settings.bool(TRANSMIT_SIGNER_CERTIFICATE, false),
                settings.bool(TRANSMIT_FULL_MANDATE, false),
                minorVersion,
                settings.bool(SIGN_ASSERTION, true));
        return settings.result(new MoaSaml1ClientSettings(
                enabled,
                privateSector,
                Optional.ofNullable(target),
                businessRegisterNumber,
                friendlyName == null ? clientId : friendlyName,
                Collections.unmodifiableList(prefixes),
                Optional.ofNullable(sourceId),
                ttl,
                backChannel,
                subjectDn,
                flags));
    }

    /** The settings of a client whose settings are valid (login paths check {@link #read} first). */
    public static MoaSaml1ClientSettings of(ClientModel client) {
        return read(client).value();
    }

    /**
     * How well an OA URL matches this application: the specificity of its most specific registered prefix the OA
     * lies under (scheme, host and port equal, whole path segments), or empty.
     */
    public Optional<Integer> matchLength(HttpUrl oa) {
        return oaUrlPrefixes.stream()
                .filter(oa::isUnder)
                .map(HttpUrl::specificity)
                .max(Integer::compare);
    }

    private static Optional<X500Principal> subjectDn(SettingsReader settings) {
        String dn = settings.text(MTLS_SUBJECT_DN, 1000);
        if (dn == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new X500Principal(dn));
        } catch (IllegalArgumentException e) {
            settings.problem(MTLS_SUBJECT_DN, "is not a distinguished name (e.g. CN=app.example.gv.at,O=Amt)");
            return Optional.empty();
        }
    }
}
