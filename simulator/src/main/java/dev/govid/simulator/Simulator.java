package dev.govid.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import dev.govid.simulator.crypto.CryptoSetup;
import dev.govid.simulator.crypto.IdpCredential;
import dev.govid.simulator.digid.DigidIdp;
import dev.govid.simulator.login.AuthnRequestProcessor;
import dev.govid.simulator.login.LoginCompleter;
import dev.govid.simulator.login.LoginTransaction;
import dev.govid.simulator.login.ResponseLog;
import dev.govid.simulator.login.SignedRequestVerifier;
import dev.govid.simulator.login.TransactionStore;
import dev.govid.simulator.persona.PersonaCatalog;
import dev.govid.simulator.pvp.PvpLoginCompleter;
import dev.govid.simulator.pvp.PvpPersonaCatalog;
import dev.govid.simulator.pvp.PvpRequestProcessor;
import dev.govid.simulator.pvp.PvpTransaction;
import dev.govid.simulator.pvp.Sector;
import dev.govid.simulator.response.IdpMetadataWriter;
import dev.govid.simulator.response.ResponseIssuer;
import dev.govid.simulator.sp.SpRegistry;
import dev.govid.simulator.web.DebugEndpoint;
import dev.govid.simulator.web.HttpRouter;
import dev.govid.simulator.web.LoginEndpoint;
import dev.govid.simulator.web.PvpLoginEndpoint;
import dev.govid.simulator.web.PvpSsoEndpoint;
import dev.govid.simulator.web.SsoEndpoint;
import dev.govid.simulator.web.WebReply;
import dev.govid.simulator.xml.SamlNamespaces;

/**
 * A running simulator: the BundID IdP under {@code /idp} and the Austrian PVP2 / ID Austria IdP under
 * {@code /pvp}, on one port with one key. Start it with {@link #start(SimulatorConfig)}, stop it with
 * {@link #close()}.
 */
public final class Simulator implements AutoCloseable {
    public static final String METADATA_PATH = "/idp/metadata";
    public static final String SSO_POST_PATH = "/idp/profile/SAML2/POST/SSO";
    public static final String SSO_REDIRECT_PATH = "/idp/profile/SAML2/Redirect/SSO";
    public static final String LOGIN_PATH = "/idp/login";
    public static final String DEBUG_LAST_RESPONSE_PATH = "/idp/debug/last-response";
    public static final String HEALTH_PATH = "/health";
    public static final String PVP_METADATA_PATH = "/pvp/metadata";
    public static final String PVP_SSO_POST_PATH = "/pvp/profile/SAML2/POST/SSO";
    public static final String PVP_SSO_REDIRECT_PATH = "/pvp/profile/SAML2/Redirect/SSO";
    public static final String PVP_LOGIN_PATH = "/pvp/login";

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String entityId;
    private final IdpCredential credential;
    private final SpRegistry spRegistry;
    private final Set<String> lenientSps = ConcurrentHashMap.newKeySet();
    private final ResponseLog responseLog = new ResponseLog();
    private final String metadataXml;
    private final String pvpEntityId;
    private final String pvpMetadataXml;
    private final Map<String, Sector> pvpSectors = new ConcurrentHashMap<>();
    private final DigidIdp digid;

    private Simulator(SimulatorConfig config) throws IOException {
        CryptoSetup.ensureInitialized();
        this.config = config;
        this.credential = loadCredential(config);
        PersonaCatalog personas = PersonaCatalog.load(config.personasFile());
        this.lenientSps.addAll(config.lenientSps());
        this.spRegistry = new SpRegistry(config.spMetadataSources(), Simulator::log);

        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        int port = server.getAddress().getPort();
        this.baseUrl = config.baseUrl() != null ? config.baseUrl() : "http://" + hostForUrl(config.host()) + ":" + port;
        this.entityId = config.entityId() != null ? config.entityId() : baseUrl + "/idp";
        this.metadataXml = IdpMetadataWriter.write(
                entityId, baseUrl + SSO_POST_PATH, baseUrl + SSO_REDIRECT_PATH, credential.certificate());
        this.pvpEntityId = config.pvpEntityId() != null ? config.pvpEntityId() : baseUrl + "/pvp";
        this.pvpMetadataXml = IdpMetadataWriter.write(
                pvpEntityId,
                baseUrl + PVP_SSO_POST_PATH,
                baseUrl + PVP_SSO_REDIRECT_PATH,
                credential.certificate(),
                List.of(SamlNamespaces.NAMEID_PERSISTENT, SamlNamespaces.NAMEID_TRANSIENT));
        config.pvpSectors().forEach((sp, sector) -> pvpSectors.put(sp, new Sector(sector)));

        Clock clock = Clock.systemUTC();
        TransactionStore<LoginTransaction> transactions = new TransactionStore<>(Duration.ofMinutes(10), 10_000, clock);
        ResponseIssuer.Settings bundIdSettings = new ResponseIssuer.Settings(
                entityId,
                config.signatureAlgorithm(),
                config.dataEncryption(),
                config.keyTransport(),
                config.trustLevelVocabulary(),
                config.signAssertion());
        ResponseIssuer issuer = new ResponseIssuer(bundIdSettings, credential, clock, Simulator::log);
        LoginCompleter completer = new LoginCompleter(transactions, personas, issuer, responseLog);
        AuthnRequestProcessor processor =
                new AuthnRequestProcessor(spRegistry, lenientSps::contains, transactions, Simulator::log);
        SsoEndpoint sso = new SsoEndpoint(processor, completer, personas, pathPrefix(baseUrl) + LOGIN_PATH);
        LoginEndpoint login = new LoginEndpoint(completer);
        DebugEndpoint debug = new DebugEndpoint(responseLog);

        // The PVP mode shares SP registry, key, response log and debug endpoint; it has its own identity,
        // transactions, personas and signature algorithm.
        TransactionStore<PvpTransaction> pvpTransactions =
                new TransactionStore<>(Duration.ofMinutes(10), 10_000, clock);
        ResponseIssuer pvpIssuer = new ResponseIssuer(
                bundIdSettings.forIdentity(pvpEntityId, config.pvpSignatureAlgorithm()),
                credential,
                clock,
                Simulator::log);
        PvpPersonaCatalog pvpPersonas = PvpPersonaCatalog.load(config.pvpPersonasFile());
        PvpLoginCompleter pvpCompleter =
                new PvpLoginCompleter(pvpTransactions, pvpPersonas, pvpIssuer, responseLog, lenientSps::contains);
        PvpRequestProcessor pvpProcessor = new PvpRequestProcessor(
                new SignedRequestVerifier(spRegistry), this::pvpSector, pvpTransactions, Simulator::log);
        PvpSsoEndpoint pvpSso =
                new PvpSsoEndpoint(pvpProcessor, pvpCompleter, pvpPersonas, pathPrefix(baseUrl) + PVP_LOGIN_PATH);
        PvpLoginEndpoint pvpLogin = new PvpLoginEndpoint(pvpCompleter);

        // The DigiD mode shares SP registry and key; its back channel starts separately (startDigidBackChannel).
        this.digid = new DigidIdp(
                baseUrl, credential, spRegistry, Simulator::log, config.logRequests() ? Simulator::log : message -> {});

        // Per-request lines are for people watching a demo; load runs switch them off.
        HttpRouter router = new HttpRouter(config.logRequests() ? Simulator::log : message -> {})
                .route(
                        "GET",
                        METADATA_PATH,
                        r -> WebReply.xml(200, "application/samlmetadata+xml", metadataXml, "metadata"))
                .route("POST", SSO_POST_PATH, sso::post)
                .route("GET", SSO_REDIRECT_PATH, sso::redirect)
                .route("POST", LOGIN_PATH, login::handle)
                .route("GET", DEBUG_LAST_RESPONSE_PATH, debug::handle)
                .route(
                        "GET",
                        PVP_METADATA_PATH,
                        r -> WebReply.xml(200, "application/samlmetadata+xml", pvpMetadataXml, "pvp-metadata"))
                .route("POST", PVP_SSO_POST_PATH, pvpSso::post)
                .route("GET", PVP_SSO_REDIRECT_PATH, pvpSso::redirect)
                .route("POST", PVP_LOGIN_PATH, pvpLogin::handle)
                .route("GET", HEALTH_PATH, r -> WebReply.text(200, "ok", "ok"));
        digid.routes(router);
        server.createContext("/", router);
        this.executor = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread t = new Thread(runnable, "govid-simulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    /** Binds the port and starts serving; {@code port(0)} in the config picks a free port. */
    public static Simulator start(SimulatorConfig config) {
        try {
            Simulator simulator = new Simulator(config);
            simulator.server.start();
            log("BundID simulator listening on " + simulator.baseUrl + " (entityID " + simulator.entityId
                    + ", signature " + config.signatureAlgorithm().cliName() + ", encryption "
                    + config.dataEncryption().cliName() + "/"
                    + config.keyTransport().cliName() + "); PVP mode entityID "
                    + simulator.pvpEntityId + " (signature "
                    + config.pvpSignatureAlgorithm().cliName() + ")");
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start simulator on " + config.host() + ":" + config.port(), e);
        }
    }

    public SimulatorConfig config() {
        return config;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String entityId() {
        return entityId;
    }

    public String metadataUrl() {
        return baseUrl + METADATA_PATH;
    }

    public String ssoPostUrl() {
        return baseUrl + SSO_POST_PATH;
    }

    public String ssoRedirectUrl() {
        return baseUrl + SSO_REDIRECT_PATH;
    }

    public String loginUrl() {
        return baseUrl + LOGIN_PATH;
    }

    public String metadataXml() {
        return metadataXml;
    }

    public X509Certificate signingCertificate() {
        return credential.certificate();
    }

    /**
     * Trusts more SP metadata: a URL (http, https, file), a file path, or the metadata XML itself. Inline XML is
     * parsed at once (errors are thrown); URLs and files are tried at once and re-read whenever an unknown
     * Issuer or a failing signature shows up.
     */
    public void trustSpMetadata(String urlPathOrXml) {
        spRegistry.addSource(urlPathOrXml);
    }

    /** Re-reads all SP metadata sources now (normally done on demand). */
    public void reloadSpMetadata() {
        spRegistry.reload();
    }

    /** Makes the akdb extension optional for this SP (to benchmark a stock SAML broker). */
    public void addLenientSp(String spEntityId) {
        lenientSps.add(spEntityId);
    }

    /** The PVP (ID Austria) mode's entityID, {@code <base-url>/pvp} unless configured. */
    public String pvpEntityId() {
        return pvpEntityId;
    }

    public String pvpMetadataUrl() {
        return baseUrl + PVP_METADATA_PATH;
    }

    public String pvpSsoPostUrl() {
        return baseUrl + PVP_SSO_POST_PATH;
    }

    public String pvpSsoRedirectUrl() {
        return baseUrl + PVP_SSO_REDIRECT_PATH;
    }

    public String pvpLoginUrl() {
        return baseUrl + PVP_LOGIN_PATH;
    }

    public String pvpMetadataXml() {
        return pvpMetadataXml;
    }

    /** Sets (or changes at runtime) the bPK sector of one SP in PVP mode, e.g. {@code GH} or {@code XFN+468924i}. */
    public void setPvpSector(String spEntityId, String sector) {
        pvpSectors.put(spEntityId, new Sector(sector));
    }

    /** The bPK sector code the PVP mode uses for this SP ({@code BF} unless configured). */
    public String pvpSectorOf(String spEntityId) {
        return pvpSector(spEntityId).code();
    }

    private Sector pvpSector(String spEntityId) {
        return pvpSectors.getOrDefault(spEntityId, Sector.DEFAULT);
    }

    /** The last SAML Response sent to any SP, in either mode. */
    public Optional<IssuedResponse> lastResponse() {
        return responseLog.last();
    }

    /** The response produced by the (BundID or PVP) login form with this {@code tx} value. */
    public Optional<IssuedResponse> lastResponse(String transactionId) {
        return responseLog.forTransaction(transactionId);
    }

    /** The DigiD mode (entityID {@code <base-url>/digid}). */
    public DigidIdp digid() {
        return digid;
    }

    /**
     * Starts the DigiD mode's ArtifactResolutionService on its own https port; {@code tls} holds the server key and,
     * as trust store, the registered client certificates (callers without one are refused in the handshake).
     */
    public void startDigidBackChannel(int port, javax.net.ssl.SSLContext tls) {
        digid.startBackChannel(config.host(), port, tls);
    }

    @Override
    public void close() {
        digid.close();
        server.stop(0);
        executor.shutdownNow();
        log("BundID simulator on " + baseUrl + " stopped");
    }

    static void log(String message) {
        System.out.println(Instant.now() + " [govid-simulator] " + message);
    }

    private static IdpCredential loadCredential(SimulatorConfig config) {
        if (config.signingKey() != null) {
            return new IdpCredential(config.signingKey(), config.signingCertificate());
        }
        if (config.keystore() != null) {
            return IdpCredential.loadPkcs12(config.keystore(), config.keystorePassword());
        }
        return IdpCredential.generateDefault();
    }

    private static String hostForUrl(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String pathPrefix(String baseUrl) {
        String path = URI.create(baseUrl).getPath();
        return path == null || "/".equals(path) ? "" : path;
    }
}
