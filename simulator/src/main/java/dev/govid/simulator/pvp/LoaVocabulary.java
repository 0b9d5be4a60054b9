package dev.govid.simulator.pvp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three ways a PVP relying party may name a level of assurance. Internally every level is a STORK QAA
 * level 1..4; the answer uses the vocabulary the request used, so each SP reads the words it sent.
 */
public enum LoaVocabulary {
    /** PVP 2.1: {@code …/secclass/0} (≈ 1) up to {@code …/secclass/0-3} (≈ 4). */
    PVP_SECCLASS {
        @Override
        public String classRef(int storkLevel) {
            return storkLevel <= 1 ? SECCLASS_PREFIX + "0" : SECCLASS_PREFIX + "0-" + (storkLevel - 1);
        }

        @Override
        Integer parseLevel(String ref) {
            return switch (ref) {
                case SECCLASS_PREFIX + "0" -> 1;
                case SECCLASS_PREFIX + "0-1" -> 2;
                case SECCLASS_PREFIX + "0-2" -> 3;
                case SECCLASS_PREFIX + "0-3" -> 4;
                default -> null;
            };
        }
    },
    /** {@code STORK-QAA-Level-1..4}. */
    STORK {
        @Override
        public String classRef(int storkLevel) {
            return "STORK-QAA-Level-" + storkLevel;
        }

        @Override
        Integer parseLevel(String ref) {
            return ref.matches("STORK-QAA-Level-[1-4]") ? ref.charAt(ref.length() - 1) - '0' : null;
        }
    },
    /** eIDAS LoA URIs: low = 2, substantial = 3, high = 4 (level 1 has no eIDAS name and is called low). */
    EIDAS {
        @Override
        public String classRef(int storkLevel) {
            return switch (storkLevel) {
                case 4 -> EIDAS_PREFIX + "high";
                case 3 -> EIDAS_PREFIX + "substantial";
                default -> EIDAS_PREFIX + "low";
            };
        }

        @Override
        Integer parseLevel(String ref) {
            return switch (ref) {
                case EIDAS_PREFIX + "low" -> 2;
                case EIDAS_PREFIX + "substantial" -> 3;
                case EIDAS_PREFIX + "high" -> 4;
                default -> null;
            };
        }
    };

    public static final String SECCLASS_PREFIX = "http://www.ref.gv.at/ns/names/agiz/pvp/secclass/";
    public static final String EIDAS_PREFIX = "http://eidas.europa.eu/LoA/";

    /** The AuthnContextClassRef for a STORK level in this vocabulary. */
    public abstract String classRef(int storkLevel);

    abstract Integer parseLevel(String ref);

    /** The lowest level this vocabulary can name (what the understated-level fault claims). */
    public int lowestLevel() {
        return this == EIDAS ? 2 : 1;
    }

    /** A class reference understood in some vocabulary. */
    public record Level(LoaVocabulary vocabulary, int storkLevel) {}

    public static Optional<Level> parse(String classRef) {
        String ref = classRef.trim();
        return Arrays.stream(values())
                .map(v -> {
                    Integer level = v.parseLevel(ref);
                    return level == null ? null : new Level(v, level);
                })
                .filter(l -> l != null)
                .findFirst();
    }
}
