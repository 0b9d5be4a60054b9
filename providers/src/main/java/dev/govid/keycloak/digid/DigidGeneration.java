package dev.govid.keycloak.digid;

import java.util.Arrays;

/**
 * The DigiD SAML specification a connection follows. 3.x: AssertionConsumerServiceURL, the BSN in the NameID, the
 * SAML authentication-context classes as levels. 4.x (eID SAML 4.4/4.5, Stelsel Toegang through a routing service):
 * POST only, AssertionConsumerServiceIndex, the BSN in an EncryptedID inside ActingSubjectID, eIDAS-style levels and
 * a ServiceUUID in every answer.
 */
public enum DigidGeneration {
    V3("3"),
    V4("4");

    private final String configValue;

    DigidGeneration(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static DigidGeneration fromConfig(String value) {
        String v = value == null ? "" : value.trim();
        return Arrays.stream(values())
                .filter(g ->
                        g.configValue.equals(v) || g.name().equalsIgnoreCase(v) || v.startsWith(g.configValue + "."))
                .findFirst()
                .orElse(V4);
    }

    public static boolean isKnown(String value) {
        String v = value == null ? "" : value.trim();
        return v.isEmpty()
                || Arrays.stream(values())
                        .anyMatch(g -> g.configValue.equals(v)
                                || g.name().equalsIgnoreCase(v)
                                || v.startsWith(g.configValue + "."));
    }
}
