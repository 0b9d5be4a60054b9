package dev.govid.simulator.pvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.sp.SpMetadata;
import dev.govid.simulator.sp.SpMetadataParser;
import dev.govid.simulator.xml.SecureXml;
import org.junit.jupiter.api.Test;

/** The attribute set an AuthnRequest names by AttributeConsumingServiceIndex, read from the SP metadata as ID Austria does. */
class AttributeConsumingServiceIndexTest {

    private static final String BPK = "urn:oid:1.2.40.0.10.2.1.1.149";
    private static final String MANDATE_TYPE = "urn:oid:1.2.40.0.10.2.1.1.261.68";

    private static final String METADATA = """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example">
              <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example/acs" index="0"/>
                <md:AttributeConsumingService index="0" isDefault="true"><md:ServiceName xml:lang="en">SP</md:ServiceName>
                  <md:RequestedAttribute Name="%s" isRequired="true"/></md:AttributeConsumingService>
                <md:AttributeConsumingService index="1"><md:ServiceName xml:lang="en">SP on behalf</md:ServiceName>
                  <md:RequestedAttribute Name="%s" isRequired="true"/><md:RequestedAttribute Name="%s" isRequired="false"/>
                </md:AttributeConsumingService>
              </md:SPSSODescriptor>
            </md:EntityDescriptor>""".formatted(BPK, BPK, MANDATE_TYPE);

    private static PvpRequest read(String attributes) {
        SpMetadata sp = SpMetadataParser.parse(METADATA.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get(0);
        String request =
                "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                        + " ID=\"_r\" Version=\"2.0\" IssueInstant=\"2026-12-07T08:00:00Z\" " + attributes
                        + "><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>";
        return PvpRequestReader.read(SecureXml.parse(request).getDocumentElement(), sp);
    }

    @Test
    void theIndexSelectsTheSetOfTheMetadata() {
        PvpRequest personal = read("AttributeConsumingServiceIndex=\"0\"");
        assertThat(personal.attributeConsumingServiceIndex()).isZero();
        assertThat(personal.requestedAttributes()).containsExactly(new RequestedPvpAttribute(BPK, true));
        assertThat(personal.asksForMandate()).isFalse();

        PvpRequest onBehalf = read("AttributeConsumingServiceIndex=\"1\"");
        assertThat(onBehalf.requestedAttributes())
                .containsExactly(new RequestedPvpAttribute(BPK, true), new RequestedPvpAttribute(MANDATE_TYPE, false));
        assertThat(onBehalf.asksForMandate()).isTrue();
    }

    @Test
    void withoutIndexOrExtensionTheDefaultSetIsReleased() {
        assertThat(read("").requestedAttributes()).isNull();
    }

    @Test
    void anIndexTheMetadataDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> read("AttributeConsumingServiceIndex=\"7\""))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.getMessage())
                        .contains("7"));
        assertThatThrownBy(() -> read("AttributeConsumingServiceIndex=\"x\""))
                .isInstanceOf(RequestRejectedException.class);
    }
}
