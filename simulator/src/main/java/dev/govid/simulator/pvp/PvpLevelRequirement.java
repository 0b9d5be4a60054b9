package dev.govid.simulator.pvp;

import java.util.List;
import java.util.OptionalInt;

/**
 * A RequestedAuthnContext of a PVP request: the STORK levels it names, its Comparison and the vocabulary the
 * answer must use (that of the first class reference the simulator understood).
 */
public record PvpLevelRequirement(String comparison, List<Integer> levels, LoaVocabulary vocabulary) {

    public PvpLevelRequirement {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a level requirement needs at least one level");
        }
    }

    /**
     * The level to assert for a login that reached {@code achieved}, or empty when it falls short.
     * With {@code exact} a stronger login may claim a weaker requested level (it did authenticate at least
     * that well); with {@code minimum} and {@code better} the real level is asserted.
     */
    public OptionalInt answeredLevel(int achieved) {
        int min = levels.stream().mapToInt(Integer::intValue).min().getAsInt();
        int max = levels.stream().mapToInt(Integer::intValue).max().getAsInt();
        return switch (comparison) {
            case "minimum" -> achieved >= min ? OptionalInt.of(achieved) : OptionalInt.empty();
            case "better" -> achieved > min ? OptionalInt.of(achieved) : OptionalInt.empty();
            case "maximum" -> OptionalInt.of(Math.min(achieved, max));
            default ->
                levels.stream()
                        .mapToInt(Integer::intValue)
                        .filter(l -> l <= achieved)
                        .max();
        };
    }

    /** The weakest level that satisfies the request, for the login page. */
    public int lowestAcceptable() {
        int min = levels.stream().mapToInt(Integer::intValue).min().getAsInt();
        return switch (comparison) {
            case "better" -> min + 1;
            case "maximum" -> 1;
            default -> min;
        };
    }
}
