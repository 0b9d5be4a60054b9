package dev.govid.simulator.request;

import java.util.List;

/** RequestedAuthnContext reduced to STORK levels (1..4) and a SAML comparison. */
public record LevelRequirement(String comparison, List<Integer> levels) {

    public LevelRequirement {
        levels = List.copyOf(levels);
    }

    public boolean accepts(int level) {
        if (levels.isEmpty()) {
            return true;
        }
        int min = levels.stream().mapToInt(Integer::intValue).min().getAsInt();
        int max = levels.stream().mapToInt(Integer::intValue).max().getAsInt();
        return switch (comparison) {
            case "minimum" -> level >= min;
            case "better" -> level > min;
            case "maximum" -> level <= max;
            default -> levels.contains(level);
        };
    }

    /**
     * BundID uses the plain strings "STORK-QAA-Level-n"; eIDAS LoA URIs are accepted too since other German
     * portals send them.
     */
    public static Integer parseLevel(String classRef) {
        String ref = classRef.trim();
        if (ref.matches("STORK-QAA-Level-[1-4]")) {
            return ref.charAt(ref.length() - 1) - '0';
        }
        return switch (ref) {
            case "http://eidas.europa.eu/LoA/low" -> 2;
            case "http://eidas.europa.eu/LoA/substantial" -> 3;
            case "http://eidas.europa.eu/LoA/high" -> 4;
            default -> null;
        };
    }
}
