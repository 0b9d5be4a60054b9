package dev.govid.keycloak.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BundIdAttributeTest {

    @Test
    void looksUpByFriendlyNameEnumNameAndOid() {
        assertThat(BundIdAttribute.lookup("bPK2")).contains(BundIdAttribute.BPK2);
        assertThat(BundIdAttribute.lookup("givenname")).contains(BundIdAttribute.GIVEN_NAME);
        assertThat(BundIdAttribute.lookup("urn:oid:2.5.4.4")).contains(BundIdAttribute.SURNAME);
        assertThat(BundIdAttribute.lookup("GIVEN_NAME")).contains(BundIdAttribute.GIVEN_NAME);
        assertThat(BundIdAttribute.lookup("nonsense")).isEmpty();
    }

    @Test
    void catalogueHasUniqueOidsAndClaimNames() {
        Set<String> oids = new HashSet<>();
        Set<String> claims = new HashSet<>();
        for (BundIdAttribute attribute : BundIdAttribute.values()) {
            assertThat(oids.add(attribute.oid())).as(attribute.oid()).isTrue();
            assertThat(claims.add(attribute.claimName()))
                    .as(attribute.claimName())
                    .isTrue();
            assertThat(attribute.oid()).startsWith("urn:oid:");
        }
    }
}
