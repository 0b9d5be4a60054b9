package dev.govid.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** The shared Keycloak's Prometheus metrics (management interface, {@code --metrics-enabled=true}). */
public final class KeycloakMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String text;

    private KeycloakMetrics(String text) {
        this.text = text;
    }

    public static KeycloakMetrics scrape() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(SharedKeycloak.get().managementUrl() + "/metrics"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("metrics endpoint answered " + response.statusCode());
            }
            return new KeycloakMetrics(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of the samples of one metric whose labels contain all the given pairs (0 when none exists yet). */
    public double value(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
