package dev.govid.simulator.sp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The relying parties the simulator trusts, keyed by entityID. Sources are URLs, file paths or inline XML;
 * they are loaded lazily and reloaded on demand because SP keys rotate (Keycloak regenerates them).
 */
public final class SpRegistry {
    private final List<String> sources = new CopyOnWriteArrayList<>();
    private final Map<String, SpMetadata> byEntityId = new ConcurrentHashMap<>();
    /** The same, by entityID and ACS location: two SPs may share an entityID (Keycloak's broker endpoints do). */
    private final Map<String, SpMetadata> byEntityIdAndAcs = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Consumer<String> log;
    private volatile boolean loadedOnce;

    public SpRegistry(List<String> initialSources, Consumer<String> log) {
        this.sources.addAll(initialSources);
        this.log = log;
    }

    /**
     * Adds a source. Inline XML (starting with '<') is parsed now and errors are thrown; URLs and files are
     * tried now but a failure is only logged, since the SP may not be up yet.
     */
    public void addSource(String urlPathOrXml) {
        sources.add(urlPathOrXml);
        if (isInlineXml(urlPathOrXml)) {
            register(SpMetadataParser.parse(urlPathOrXml.trim().getBytes(StandardCharsets.UTF_8)));
        } else {
            loadQuietly(urlPathOrXml);
        }
    }

    public Optional<SpMetadata> find(String entityId) {
        if (!loadedOnce) {
            reload();
        }
        return Optional.ofNullable(entityId == null ? null : byEntityId.get(entityId));
    }

    /**
     * The SP whose metadata lists this assertion consumer service URL, when several SPs share the entityID (e.g.
     * two identity providers of one Keycloak realm); else as {@link #find(String)}.
     */
    public Optional<SpMetadata> find(String entityId, String acsUrl) {
        Optional<SpMetadata> any = find(entityId);
        if (any.isEmpty() || acsUrl == null) {
            return any;
        }
        return Optional.ofNullable(byEntityIdAndAcs.get(entityId + "\n" + acsUrl.trim()))
                .or(() -> any);
    }

    /** Re-reads every source; entries of sources that fail keep their last known state. */
    public synchronized void reload() {
        for (String source : sources) {
            loadQuietly(source);
        }
        loadedOnce = true;
    }

    private void loadQuietly(String source) {
        try {
            register(SpMetadataParser.parse(read(source)));
        } catch (Exception e) {
            log.accept("SP metadata source " + describe(source) + " failed: " + e.getMessage());
        }
    }

    private void register(List<SpMetadata> entries) {
        for (SpMetadata sp : entries) {
            byEntityId.put(sp.entityId(), sp);
            sp.assertionConsumerServices()
                    .forEach(acs -> byEntityIdAndAcs.put(sp.entityId() + "\n" + acs.location(), sp));
        }
    }

    private byte[] read(String source) throws IOException, InterruptedException {
        if (isInlineXml(source)) {
            return source.trim().getBytes(StandardCharsets.UTF_8);
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(source))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        }
        Path path = source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
        return Files.readAllBytes(path);
    }

    private static boolean isInlineXml(String source) {
        return source.trim().startsWith("<");
    }

    private static String describe(String source) {
        return isInlineXml(source) ? "(inline XML)" : source;
    }
}
