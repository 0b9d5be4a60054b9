package dev.govid.simulator.pvp;

import java.util.Arrays;
import java.util.Optional;

/** The level a PVP login reaches, as chosen in the {@code loa} field of the login page. */
public enum LoginLevel {
    HIGH("high", "hoch", 4),
    SUBSTANTIAL("substantial", "substanziell", 3),
    LOW("low", "niedrig", 2);

    private final String wireName;
    private final String germanName;
    private final int storkLevel;

    LoginLevel(String wireName, String germanName, int storkLevel) {
        this.wireName = wireName;
        this.germanName = germanName;
        this.storkLevel = storkLevel;
    }

    public String wireName() {
        return wireName;
    }

    public String germanName() {
        return germanName;
    }

    public int storkLevel() {
        return storkLevel;
    }

    /** The weaker of the two: a persona's cap limits whatever was chosen on the page. */
    public LoginLevel cappedAt(LoginLevel cap) {
        return storkLevel <= cap.storkLevel ? this : cap;
    }

    public static Optional<LoginLevel> fromWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(name)).findFirst();
    }
}
