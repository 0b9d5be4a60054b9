package dev.govid.simulator.digid;

import java.util.Arrays;
import java.util.Optional;

/** What the DigiD mode can do wrong on purpose. */
public enum DigidFault {
    NONE("none"),
    /** Neither the ArtifactResponse nor the assertion is signed. */
    UNSIGNED("unsigned"),
    /** Only the assertion is signed (Keycloak alone would accept that). */
    ARTIFACT_RESPONSE_UNSIGNED("artifact-response-unsigned"),
    /** The assertion is changed after signing. */
    TAMPERED("tampered"),
    WRONG_AUDIENCE("wrong-audience"),
    WRONG_DESTINATION("wrong-destination"),
    WRONG_SERVICE_UUID("wrong-service-uuid"),
    /** The ArtifactResponse answers another ArtifactResolve. */
    WRONG_IN_RESPONSE_TO("wrong-in-response-to"),
    /** The artifact was issued 16 minutes ago (DigiD keeps artifacts 15 minutes). */
    ARTIFACT_OLD("artifact-old"),
    /** The level stated is below the one asked for. */
    LEVEL_BELOW_REQUEST("level-below-request");

    private final String formValue;

    DigidFault(String formValue) {
        this.formValue = formValue;
    }

    public String formValue() {
        return formValue;
    }

    public static Optional<DigidFault> parse(String value) {
        String v = value == null || value.isBlank() ? "none" : value.trim();
        return Arrays.stream(values()).filter(f -> f.formValue.equals(v)).findFirst();
    }
}
