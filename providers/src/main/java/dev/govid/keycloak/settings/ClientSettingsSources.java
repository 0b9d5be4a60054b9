package dev.govid.keycloak.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;

/**
 * Where a client's GovID settings come from, in this order, per key: a <em>GovID settings</em> mapper in the
 * client's dedicated scope, then one in the client's default client scopes (by scope name), then the client
 * attribute of the same key (the legacy place). A mapper value that is empty does not count, so a form left blank
 * falls through. Every reader goes through {@link SettingsReader#of(ClientModel)}, so every login path (fresh,
 * SSO, {@code prompt=none}, SAML1) reads the same effective value. Optional client scopes never count: a setting
 * must not depend on what a request asks for.
 */
public final class ClientSettingsSources {

    /** Provider ids of the GovID settings mapper types (one per protocol) start with this. */
    public static final String MAPPER_PREFIX = "govid-client-settings";

    private ClientSettingsSources() {}

    /** The effective value of each key for this client, read from the sources once per call. */
    public static Function<String, String> of(ClientModel client) {
        List<Map<String, String>> layers = mapperLayers(client);
        if (layers.isEmpty()) {
            return client::getAttribute;
        }
        return key -> {
            for (Map<String, String> layer : layers) {
                String value = layer.get(key);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return client.getAttribute(key);
        };
    }

    /** Whether any GovID settings mapper applies to the client (then legacy attributes only fill the gaps). */
    public static boolean hasMapper(ClientModel client) {
        return !mapperLayers(client).isEmpty();
    }

    private static List<Map<String, String>> mapperLayers(ClientModel client) {
        List<Map<String, String>> layers = new ArrayList<>();
        settingsMappers(client.getProtocolMappersStream()).forEach(layers::add);
        Map<String, ClientScopeModel> scopes = client.getClientScopes(true);
        if (scopes != null) {
            scopes.values().stream()
                    .sorted(Comparator.comparing(ClientScopeModel::getName))
                    .forEach(scope ->
                            settingsMappers(scope.getProtocolMappersStream()).forEach(layers::add));
        }
        return layers;
    }

    private static Stream<Map<String, String>> settingsMappers(Stream<ProtocolMapperModel> mappers) {
        if (mappers == null) {
            return Stream.empty();
        }
        return mappers.filter(m ->
                        m.getProtocolMapper() != null && m.getProtocolMapper().startsWith(MAPPER_PREFIX))
                .sorted(Comparator.comparing(ProtocolMapperModel::getName))
                .map(ProtocolMapperModel::getConfig)
                .filter(config -> config != null);
    }
}
