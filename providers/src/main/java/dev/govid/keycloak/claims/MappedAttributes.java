package dev.govid.keycloak.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.KeptData;
import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * A claims mapper's choice of received attributes for its object claim: all ({@code *}, the default), none
 * ({@code none}), or a list of claim names. What it chooses is what the session keeps for it ({@link #needed}).
 */
public final class MappedAttributes {

    public static final String ALL = KeptData.ALL;
    public static final String NONE = "none";

    private final Optional<List<String>> names;

    private MappedAttributes(Optional<List<String>> names) {
        this.names = names;
    }

    public static MappedAttributes every() {
        return new MappedAttributes(Optional.empty());
    }

    /** The mapper setting; unset or {@code *} is every attribute. */
    public static MappedAttributes of(String setting) {
        String value = ConfigValues.trimToNull(setting);
        if (value == null || ALL.equals(value)) {
            return every();
        }
        if (NONE.equals(value.toLowerCase(Locale.ROOT))) {
            return new MappedAttributes(Optional.of(List.of()));
        }
        return new MappedAttributes(Optional.of(ConfigValues.list(value)));
    }

    /** Refuses a mapper whose setting {@code key} is not a valid list (called when the mapper is saved). */
    public static void validate(ProtocolMapperModel model, String key) throws ProtocolMapperConfigException {
        Optional<String> problem = problem(model.getConfig().get(key));
        if (problem.isPresent()) {
            throw new ProtocolMapperConfigException(key + " " + problem.get(), "{0}", key);
        }
    }

    /** Why the setting is not valid, if it is not: entries must be claim names. */
    public static Optional<String> problem(String setting) {
        String value = ConfigValues.trimToNull(setting);
        if (value == null || ALL.equals(value) || NONE.equalsIgnoreCase(value)) {
            return Optional.empty();
        }
        return ConfigValues.list(value).stream()
                .filter(name -> !name.matches("[a-z][a-z0-9_]{0,63}"))
                .findFirst()
                .map(name -> "'" + name + "' is not a claim name (lower-case letters, digits, _), nor * or none");
    }

    /** The attributes of the login this mapper puts into its object. */
    public Map<String, String> of(EidLogin login) {
        if (names.isEmpty()) {
            return login.attributes();
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        names.get().forEach(name -> login.attribute(name).ifPresent(value -> chosen.put(name, value)));
        return chosen;
    }

    /** What the session must keep for this choice: the chosen attributes (every one: birthdate and address too). */
    public KeptData needed() {
        return KeptData.attributes(names.orElse(List.of(ALL)));
    }
}
