package dev.govid.simulator.sp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Two identity providers of one Keycloak realm publish the same entityID; the ACS URL of a request tells them apart. */
class SpRegistryTest {

    private static String metadata(String acs, int attributeSetIndex) {
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://kc.example/realms/r">
                  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s" index="0"/>
                    <md:AttributeConsumingService index="%d"><md:ServiceName xml:lang="en">r</md:ServiceName>
                      <md:RequestedAttribute Name="urn:oid:1.2.40.0.10.2.1.1.149"/></md:AttributeConsumingService>
                  </md:SPSSODescriptor>
                </md:EntityDescriptor>""".formatted(acs, attributeSetIndex);
    }

    @Test
    void theAcsUrlPicksTheSpAmongThoseSharingAnEntityId() {
        List<String> log = new ArrayList<>();
        SpRegistry registry = new SpRegistry(List.of(), log::add);
        registry.addSource(metadata("https://kc.example/realms/r/broker/idaustria/endpoint", 0));
        registry.addSource(metadata("https://kc.example/realms/r/broker/bundid/endpoint", 5));

        assertThat(registry.find(
                        "https://kc.example/realms/r", "https://kc.example/realms/r/broker/idaustria/endpoint"))
                .hasValueSatisfying(sp -> assertThat(sp.attributeSet(0)).isPresent());
        assertThat(registry.find("https://kc.example/realms/r", "https://kc.example/realms/r/broker/bundid/endpoint"))
                .hasValueSatisfying(sp -> assertThat(sp.attributeSet(5)).isPresent());
        assertThat(registry.find("https://kc.example/realms/r", null))
                .as("without an ACS URL: the last one registered")
                .hasValueSatisfying(sp -> assertThat(sp.attributeSet(5)).isPresent());
        assertThat(registry.find("https://kc.example/realms/r", "https://elsewhere.example/acs"))
                .isPresent();
        assertThat(log).isEmpty();
    }
}
