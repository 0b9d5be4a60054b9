package dev.govid.keycloak.it.saml1;

import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedSimulator;

/** The bPK value (without its sector) of the simulator's last PVP response. */
final class PvpBpk {

    private PvpBpk() {}

    static String lastValue() {
        String bpk = SamlXml.attributeValue(
                SharedSimulator.get().lastResponse().orElseThrow().assertionXml(), "urn:oid:1.2.40.0.10.2.1.1.149");
        return bpk.substring(bpk.indexOf(':') + 1);
    }
}
