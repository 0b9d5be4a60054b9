package dev.govid.keycloak.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.govid.keycloak.saml.ConfigValues;
import org.jboss.logging.Logger;

/**
 * The origins a client lets embed its login pages, read from a client attribute. Only plain origins are
 * accepted ({@code https://portal.example.gv.at}, optionally a port or a leading {@code *.} label): anything
 * else — paths, quotes, {@code ;}, a bare {@code *}, other schemes — would widen or break the CSP header, so
 * such an entry is dropped with a warning instead of being passed on.
 */
public final class FrameAncestors {

    public static final FrameAncestors NONE = new FrameAncestors(List.of(), List.of());

    static final int MAX_ORIGINS = 32;
    private static final int MAX_ORIGIN_LENGTH = 253 + 16;
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://(\\*\\.)?[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*(:[0-9]{1,5})?");
    private static final Logger LOG = Logger.getLogger(FrameAncestors.class);

    private final List<String> origins;
    private final List<String> rejected;

    private FrameAncestors(List<String> origins, List<String> rejected) {
        this.origins = origins;
        this.rejected = rejected;
    }

    /** Entries separated by {@code ##}, commas or whitespace; a trailing {@code /} is tolerated. */
    public static FrameAncestors parse(String value) {
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String listed : ConfigValues.list(value)) {
            for (String entry : listed.split("\\s+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                String origin = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
                origin = origin.toLowerCase(Locale.ROOT);
                if (origin.length() <= MAX_ORIGIN_LENGTH && ORIGIN.matcher(origin).matches() && validPort(origin)
                        && accepted.size() < MAX_ORIGINS) {
                    if (!accepted.contains(origin)) {
                        accepted.add(origin);
                    }
                } else {
                    rejected.add(entry.length() > 80 ? entry.substring(0, 80) + "…" : entry);
                }
            }
        }
        if (!rejected.isEmpty()) {
            LOG.debugf("Ignoring %d frame-ancestor entries that are not plain origins (or beyond %d), first: %s",
                    rejected.size(), MAX_ORIGINS, rejected.subList(0, Math.min(5, rejected.size())));
        }
        return new FrameAncestors(Collections.unmodifiableList(accepted), Collections.unmodifiableList(rejected));
    }

    private static boolean validPort(String origin) {
        int colon = origin.lastIndexOf(':');
        if (colon <= origin.indexOf("://")) {
            return true;
        }
        int port = Integer.parseInt(origin.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    public boolean allowsEmbedding() {
        return !origins.isEmpty();
    }

    public List<String> origins() {
        return origins;
    }

    List<String> rejected() {
        return rejected;
    }

    /** The {@code frame-ancestors} source list: the realm's own pages plus the allowed origins. */
    public String directiveValue() {
        return "'self' " + String.join(" ", origins);
    }
}
