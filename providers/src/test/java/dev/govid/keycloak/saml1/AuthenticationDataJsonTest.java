package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthenticationDataJsonTest {

    @Test
    void roundTripWithoutMandate() {
        AuthenticationData data = Saml1TestData.publicSector();

        String json = data.toJson();

        assertThat(AuthenticationData.fromJson(json)).isEqualTo(data);
        assertThat(json).contains("\"authenticationInstant\":\"2025-03-04T10:15:30.123Z\"").doesNotContain("\"mandate\"");
    }

    @Test
    void roundTripWithNaturalAndLegalMandators() {
        AuthenticationData natural = Saml1TestData.person().mandate(Saml1TestData.naturalMandator()).build();
        AuthenticationData legal = Saml1TestData.person().baseId(null).mandate(Saml1TestData.legalMandator()).build();

        assertThat(AuthenticationData.fromJson(natural.toJson())).isEqualTo(natural);
        assertThat(AuthenticationData.fromJson(legal.toJson())).isEqualTo(legal);
        assertThat(AuthenticationData.fromJson(legal.toJson()).mandate().isLegalMandator()).isTrue();
        assertThat(AuthenticationData.fromJson(natural.toJson()).mandate().isLegalMandator()).isFalse();
    }

    @Test
    void absentValuesStayAbsentAndUnknownFieldsAreIgnored() {
        AuthenticationData minimal = AuthenticationData.builder()
                .issuer("https://id.example/realms/r").clientId("c").bpk("x", "urn:publicid:gv.at:cdid+BF").build();

        String json = minimal.toJson();

        assertThat(json).doesNotContain("null").doesNotContain("givenName");
        assertThat(AuthenticationData.fromJson(json.replace("{", "{\"futureField\":1,"))).isEqualTo(minimal);
    }

    @Test
    void refusesIncompleteOrBrokenJson() {
        assertThatThrownBy(() -> AuthenticationData.fromJson("{\"clientId\":\"c\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthenticationData.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthenticationData.builder().issuer("i").clientId("c").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
