package dev.govid.simulator;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of one simulator instance. Build with {@link #builder()}; derive variants with
 * {@link #toBuilder()}.
 */
public final class SimulatorConfig {
    private final String host;
    private final int port;
    private final String baseUrl;
    private final String entityId;
    private final List<String> spMetadataSources;
    private final Set<String> lenientSps;
    private final Path personasFile;
    private final SignatureAlgorithm signatureAlgorithm;
    private final DataEncryption dataEncryption;
    private final KeyTransport keyTransport;
    private final TrustLevelVocabulary trustLevelVocabulary;
    private final Path keystore;
    private final char[] keystorePassword;
    private final PrivateKey signingKey;
    private final X509Certificate signingCertificate;
    private final boolean signAssertion;
    private final int threads;
    private final boolean logRequests;
    private final String pvpEntityId;
    private final Map<String, String> pvpSectors;
    private final SignatureAlgorithm pvpSignatureAlgorithm;
    private final Path pvpPersonasFile;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.baseUrl = b.baseUrl;
        this.entityId = b.entityId;
        this.spMetadataSources = List.copyOf(b.spMetadataSources);
        this.lenientSps = Set.copyOf(b.lenientSps);
        this.personasFile = b.personasFile;
        this.signatureAlgorithm = b.signatureAlgorithm;
        this.dataEncryption = b.dataEncryption;
        this.keyTransport = b.keyTransport;
        this.trustLevelVocabulary = b.trustLevelVocabulary;
        this.keystore = b.keystore;
        this.keystorePassword = b.keystorePassword == null ? null : b.keystorePassword.clone();
        this.signingKey = b.signingKey;
        this.signingCertificate = b.signingCertificate;
        this.signAssertion = b.signAssertion;
        this.threads = b.threads;
        this.logRequests = b.logRequests;
        this.pvpEntityId = b.pvpEntityId;
        this.pvpSectors = Collections.unmodifiableMap(new LinkedHashMap<>(b.pvpSectors));
        this.pvpSignatureAlgorithm = b.pvpSignatureAlgorithm;
        this.pvpPersonasFile = b.pvpPersonasFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.baseUrl = baseUrl;
        b.entityId = entityId;
        b.spMetadataSources.addAll(spMetadataSources);
        b.lenientSps.addAll(lenientSps);
        b.personasFile = personasFile;
        b.signatureAlgorithm = signatureAlgorithm;
        b.dataEncryption = dataEncryption;
        b.keyTransport = keyTransport;
        b.trustLevelVocabulary = trustLevelVocabulary;
        b.keystore = keystore;
        b.keystorePassword = keystorePassword == null ? null : keystorePassword.clone();
        b.signingKey = signingKey;
        b.signingCertificate = signingCertificate;
        b.signAssertion = signAssertion;
        b.threads = threads;
        b.logRequests = logRequests;
        b.pvpEntityId = pvpEntityId;
        b.pvpSectors.putAll(pvpSectors);
        b.pvpSignatureAlgorithm = pvpSignatureAlgorithm;
        b.pvpPersonasFile = pvpPersonasFile;
        return b;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
    /** Null means "http://host:actualPort". */
    public String baseUrl() {
        return baseUrl;
    }
    /** Null means "baseUrl/idp". */
    public String entityId() {
        return entityId;
    }

    public List<String> spMetadataSources() {
        return spMetadataSources;
    }

    public Set<String> lenientSps() {
        return lenientSps;
    }
    /** Null means the built-in personas resource. */
    public Path personasFile() {
        return personasFile;
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public DataEncryption dataEncryption() {
        return dataEncryption;
    }

    public KeyTransport keyTransport() {
        return keyTransport;
    }

    public TrustLevelVocabulary trustLevelVocabulary() {
        return trustLevelVocabulary;
    }

    public Path keystore() {
        return keystore;
    }

    public char[] keystorePassword() {
        return keystorePassword == null ? null : keystorePassword.clone();
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public X509Certificate signingCertificate() {
        return signingCertificate;
    }

    public boolean signAssertion() {
        return signAssertion;
    }

    public int threads() {
        return threads;
    }

    public boolean logRequests() {
        return logRequests;
    }
    /** Null means "baseUrl/pvp". */
    public String pvpEntityId() {
        return pvpEntityId;
    }
    /** SP entityID → bPK sector code ({@code BF}, {@code XFN+468924i}, …); unlisted SPs get {@code BF}. */
    public Map<String, String> pvpSectors() {
        return pvpSectors;
    }

    public SignatureAlgorithm pvpSignatureAlgorithm() {
        return pvpSignatureAlgorithm;
    }
    /** Null means the built-in PVP personas resource. */
    public Path pvpPersonasFile() {
        return pvpPersonasFile;
    }

    /** Mutable companion of {@link SimulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8081;
        private String baseUrl;
        private String entityId;
        private final List<String> spMetadataSources = new ArrayList<>();
        private final Set<String> lenientSps = new LinkedHashSet<>();
        private Path personasFile;
        private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.RSA_PSS_SHA256;
        private DataEncryption dataEncryption = DataEncryption.AES256_GCM;
        private KeyTransport keyTransport = KeyTransport.RSA_OAEP_MGF1P;
        private TrustLevelVocabulary trustLevelVocabulary = TrustLevelVocabulary.SPEC_EXAMPLES;
        private Path keystore;
        private char[] keystorePassword;
        private PrivateKey signingKey;
        private X509Certificate signingCertificate;
        private boolean signAssertion;
        private int threads = 16;
        private boolean logRequests = true;
        private String pvpEntityId;
        private final Map<String, String> pvpSectors = new LinkedHashMap<>();
        // The PVP wire contract defaults to plain RSA-SHA256; only the BundID mode imitates BundID's RSA-PSS.
        private SignatureAlgorithm pvpSignatureAlgorithm = SignatureAlgorithm.RSA_SHA256;
        private Path pvpPersonasFile;

        private Builder() {}

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }
        /** 0 picks a free port; read it back with {@link Simulator#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = stripTrailingSlash(baseUrl);
            return this;
        }

        public Builder entityId(String entityId) {
            this.entityId = entityId;
            return this;
        }
        /** A URL (http/https/file) or a file path of SP metadata; fetched lazily. */
        public Builder spMetadata(String urlOrPath) {
            spMetadataSources.add(Objects.requireNonNull(urlOrPath));
            return this;
        }

        public Builder lenientSp(String entityId) {
            lenientSps.add(Objects.requireNonNull(entityId));
            return this;
        }

        public Builder personasFile(Path personasFile) {
            this.personasFile = personasFile;
            return this;
        }

        public Builder signatureAlgorithm(SignatureAlgorithm a) {
            this.signatureAlgorithm = Objects.requireNonNull(a);
            return this;
        }

        public Builder dataEncryption(DataEncryption e) {
            this.dataEncryption = Objects.requireNonNull(e);
            return this;
        }

        public Builder keyTransport(KeyTransport k) {
            this.keyTransport = Objects.requireNonNull(k);
            return this;
        }

        public Builder trustLevelVocabulary(TrustLevelVocabulary v) {
            this.trustLevelVocabulary = Objects.requireNonNull(v);
            return this;
        }

        public Builder keystore(Path file, char[] password) {
            this.keystore = file;
            this.keystorePassword = password == null ? null : password.clone();
            return this;
        }
        /** Lets tests reuse one key across many instances instead of generating RSA-3072 each time. */
        public Builder signingCredential(PrivateKey key, X509Certificate certificate) {
            this.signingKey = Objects.requireNonNull(key);
            this.signingCertificate = Objects.requireNonNull(certificate);
            return this;
        }

        public Builder signAssertion(boolean signAssertion) {
            this.signAssertion = signAssertion;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public Builder logRequests(boolean logRequests) {
            this.logRequests = logRequests;
            return this;
        }
        /** The PVP mode's entityID (default {@code <base-url>/pvp}). */
        public Builder pvpEntityId(String entityId) {
            this.pvpEntityId = entityId;
            return this;
        }
        /**
         * The bPK sector for one SP in PVP mode: a public sector code ({@code BF}, {@code GH}, …) or a
         * private-sector identifier ({@code XFN+468924i}, giving a wbPK). SPs not named get {@code BF}.
         */
        public Builder pvpSector(String spEntityId, String sector) {
            if (sector == null || sector.isBlank()) {
                throw new IllegalArgumentException("empty PVP sector for " + spEntityId);
            }
            pvpSectors.put(Objects.requireNonNull(spEntityId), sector.trim());
            return this;
        }

        public Builder pvpSignatureAlgorithm(SignatureAlgorithm a) {
            this.pvpSignatureAlgorithm = Objects.requireNonNull(a);
            return this;
        }

        public Builder pvpPersonasFile(Path file) {
            this.pvpPersonasFile = file;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }

        private static String stripTrailingSlash(String url) {
            if (url == null) {
                return null;
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
