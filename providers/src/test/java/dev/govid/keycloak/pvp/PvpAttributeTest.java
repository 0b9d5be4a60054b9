package dev.govid.keycloak.pvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PvpAttributeTest {

    @Test
    void catalogueHasUniqueUrisAndClaimNames() {
        Set<String> uris = new HashSet<>();
        Set<String> claims = new HashSet<>();
        for (PvpAttribute attribute : PvpAttribute.values()) {
            assertThat(uris.add(attribute.uri())).as(attribute.uri()).isTrue();
            assertThat(claims.add(attribute.claimName()))
                    .as(attribute.claimName())
                    .isTrue();
        }
        assertThat(PvpAttribute.lookup("PRINCIPAL-NAME")).contains(PvpAttribute.PRINCIPAL_NAME);
        assertThat(PvpAttribute.byUri("urn:oid:1.2.40.0.10.2.1.1.149")).contains(PvpAttribute.BPK);
        assertThat(PvpAttribute.mandateAttributes())
                .contains(PvpAttribute.MANDATE_TYPE, PvpAttribute.MANDATOR_LEGAL_PERSON_FULL_NAME)
                .doesNotContain(PvpAttribute.GIVEN_NAME);
    }

    @Test
    void refusesMalformedAndOverlongValues() {
        assertThat(PvpAttribute.BIRTHDATE.problemWith("1980-02-29")).isNull();
        assertThat(PvpAttribute.BIRTHDATE.problemWith("29.02.1980")).contains("BIRTHDATE");
        assertThat(PvpAttribute.GIVEN_NAME.problemWith("A".repeat(129))).contains("longer than 128");
        assertThat(PvpAttribute.EID_ISSUING_NATION.problemWith("AUT")).isNotNull();
        assertThat(PvpAttribute.MANDATE_TYPE_OID.problemWith("1.2.40.0.10.3.1")).isNull();
        assertThat(PvpAttribute.MANDATE_TYPE_OID.problemWith("not-an-oid")).isNotNull();
        assertThat(PvpAttribute.BPK.problemWith("BF:QW5uYUh1YmVyQkZiUEtiYXNlNjQ="))
                .isNull();
        assertThat(PvpAttribute.BPK.problemWith("QW5uYUh1YmVyQkZiUEtiYXNlNjQ=")).isNotNull();
        assertThat(PvpAttribute.GIVEN_NAME.problemWith("Anna\u0000")).isNotNull();
    }
}
