package dev.govid.keycloak.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.settings.HttpUrl;

/**
 * The origins a client lets embed its login pages, read from a client attribute. Only exact origins are
 * accepted ({@code https://portal.example.gv.at}, optionally with a port; http only for localhost / 127.0.0.1 /
 * [::1]), parsed by {@link HttpUrl#origin}: wildcards, paths, quotes, {@code ;}, user info and other schemes
 * would widen or break the CSP header. Saving such an entry is refused; one that is stored anyway is left out
 * of the header (and reported by {@link #problems()}).
 */
public final class FrameAncestors {

    public static final FrameAncestors NONE = new FrameAncestors(List.of(), List.of());

    static final int MAX_ORIGINS = 32;

    private final List<String> origins;
    private final List<String> problems;

    private FrameAncestors(List<String> origins, List<String> problems) {
        this.origins = origins;
        this.problems = problems;
    }

    /** Entries separated by {@code ##}, commas or whitespace; a trailing {@code /} is tolerated. */
    public static FrameAncestors parse(String value) {
        List<String> accepted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String listed : ConfigValues.list(value)) {
            for (String entry : listed.split("\\s+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                if (accepted.size() >= MAX_ORIGINS) {
                    problems.add("lists more than " + MAX_ORIGINS + " origins");
                    break;
                }
                try {
                    String origin = HttpUrl.origin(entry).origin();
                    if (!accepted.contains(origin)) {
                        accepted.add(origin);
                    }
                } catch (HttpUrl.InvalidUrlException e) {
                    problems.add("has an entry that " + e.getMessage());
                }
            }
        }
        return new FrameAncestors(
                Collections.unmodifiableList(accepted),
                Collections.unmodifiableList(problems.stream().distinct().toList()));
    }

    public boolean allowsEmbedding() {
        return !origins.isEmpty();
    }

    public List<String> origins() {
        return origins;
    }

    /** Why entries were left out, one line each, without the entries themselves. */
    public List<String> problems() {
        return problems;
    }

    /** The {@code frame-ancestors} source list: the realm's own pages plus the allowed origins. */
    public String directiveValue() {
        return "'self' " + String.join(" ", origins);
    }
}
