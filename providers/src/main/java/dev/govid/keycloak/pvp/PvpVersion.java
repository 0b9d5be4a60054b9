package dev.govid.keycloak.pvp;

import java.util.List;
import java.util.Optional;

/**
 * PVP-VERSION: which version of the PVP profile the IdP answered in. GovID reads the profile as versions 2.1
 * (MOA-ID, portal network) and 2.2 (ID Austria) define it; an answer without a version, or in another one, may
 * use attributes differently, so it is refused rather than guessed at.
 */
final class PvpVersion {

    static final List<String> DEFAULT_ACCEPTED = List.of("2.1", "2.2");

    private PvpVersion() {}

    /** A version number as PVP-VERSION states it ({@code 2.1}); what {@code pvpAcceptedVersions} may list. */
    static boolean isVersion(String value) {
        return value != null && value.matches("[0-9]{1,2}\\.[0-9]{1,2}");
    }

    /** Why the stated version is not acceptable, or empty when it is. */
    static Optional<String> problem(Optional<String> stated, List<String> accepted) {
        if (stated.isEmpty()) {
            return Optional.of("no PVP-VERSION (accepted: " + String.join(", ", accepted) + ")");
        }
        String version = stated.get().trim();
        return accepted.contains(version)
                ? Optional.empty()
                : Optional.of(
                        "PVP-VERSION " + version + " is not accepted (accepted: " + String.join(", ", accepted) + ")");
    }
}
