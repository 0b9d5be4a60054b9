package dev.govid.keycloak.login;

import dev.govid.keycloak.loa.AssuranceLevel;

/**
 * What an eID profile's identity-provider factory tells the rest of GovID about its system, so the pages and the
 * representation step never name a system: the message-key suffix and logo of the selection page, the config key
 * of its minimum level, the levels it can assert, and whether it can carry mandates.
 */
public interface EidSystem {

    /** Suffix of the selection page's message keys, e.g. {@code BundId} for {@code govidEidNeedsBundId}. */
    String messageSuffix();

    /** The built-in logo file of the theme. */
    String logo();

    /** The identity-provider config key that holds the minimum level. */
    String minimumLevelKey();

    AssuranceLevel defaultMinimumLevel();

    AssuranceLevel highestLevel();

    /** Whether a login through this system can act on behalf of someone else. */
    boolean carriesMandates();
}
