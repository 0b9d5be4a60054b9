package dev.govid.keycloak.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class KeptDataTest {

    private static final Mandate MANDATE = new Mandate(
            "AT-PVP",
            new Mandate.Mandator(
                    MandatorKind.NATURAL,
                    "Karl",
                    "Huber",
                    LocalDate.of(1950, 6, 15),
                    null,
                    "BF:abc",
                    "urn:publicid:gv.at:cdid+BF"),
            "GeneralvollmachtBilateral",
            "1.2.40.0.10.3.1.1",
            "MVR-1",
            null,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2027, 12, 31),
            "PG1kOk1hbmRhdGUvPg==");

    private static final EidLogin ERIKA = new EidLogin(
            "id-1",
            "bundid",
            "govid-bundid",
            new EidLogin.PersonKey("bpk2-value", "urn:bund:bundid:bpk2", null),
            "Erika",
            "Mustermann",
            "1964-08-12",
            new EidLogin.Address("Heidestraße 17", "51147", "Köln", "DE"),
            AssuranceLevel.HIGH,
            "eID",
            "DE",
            Map.of(
                    "email",
                    "erika@example.org",
                    "birthdate",
                    "1964-08-12",
                    "street_address",
                    "Heidestraße 17",
                    "bpk",
                    "old-bpk"),
            Map.of("birthdate", "HOCH"),
            false,
            false,
            false,
            MANDATE);

    @Test
    void nothingKeepsOnlyWhatTheRulesAndPagesNeed() throws Exception {
        EidLogin kept = KeptData.NOTHING.applyTo(ERIKA);
        assertThat(kept.personKey()).isEqualTo(ERIKA.personKey());
        assertThat(kept.displayName()).isEqualTo("Erika Mustermann");
        assertThat(kept.level()).isEqualTo(AssuranceLevel.HIGH);
        assertThat(kept.birthdate()).isNull();
        assertThat(kept.address()).isNull();
        assertThat(kept.attributes()).isEmpty();
        assertThat(kept.mandate().type()).isEqualTo("GeneralvollmachtBilateral");
        assertThat(kept.mandate().validTo()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(kept.mandate().mandator().displayName())
                .as("the SSO page says on whose behalf")
                .isEqualTo("Karl Huber");
        assertThat(kept.mandate().mandator().birthdate()).isNull();
        assertThat(kept.mandate().mandator().identifier()).isNull();
        assertThat(kept.mandate().fullMandate()).isNull();
        String json = JsonSerialization.writeValueAsString(kept);
        assertThat(json)
                .doesNotContain("1964")
                .doesNotContain("1950")
                .doesNotContain("Heidestraße")
                .doesNotContain("old-bpk")
                .doesNotContain("BF:abc")
                .doesNotContain("erika@");
        assertThat(JsonSerialization.readValue(json, EidLogin.class)).isEqualTo(kept);
    }

    @Test
    void aListOfAttributesKeepsThoseAndNoOthers() {
        EidLogin kept = KeptData.attributes(List.of("email")).applyTo(ERIKA);
        assertThat(kept.attributes()).containsOnlyKeys("email");
        assertThat(kept.birthdate()).isNull();
        EidLogin withBirthdate = new KeptData(true, false, Set.of(), false, false).applyTo(ERIKA);
        assertThat(withBirthdate.birthdate()).isEqualTo("1964-08-12");
        assertThat(withBirthdate.attributes()).isEmpty();
    }

    @Test
    void everyAttributeMeansBirthdateAndAddressToo() {
        KeptData all = KeptData.attributes(List.of(KeptData.ALL));
        assertThat(all.birthdate()).isTrue();
        assertThat(all.address()).isTrue();
        assertThat(KeptData.EVERYTHING.applyTo(ERIKA))
                .usingRecursiveComparison()
                .ignoringFields("kept")
                .isEqualTo(ERIKA);
    }

    @Test
    void aSessionCoversAClientThatNeedsNoMoreThanWasKept() {
        KeptData bpkOnly = KeptData.NOTHING;
        KeptData birthdate = new KeptData(true, false, Set.of(), false, false);
        assertThat(bpkOnly.covers(KeptData.NOTHING)).isTrue();
        assertThat(bpkOnly.covers(birthdate)).isFalse();
        assertThat(birthdate.and(KeptData.attributes(List.of("email"))).covers(KeptData.attributes(List.of("email"))))
                .isTrue();
        assertThat(KeptData.attributes(List.of("email")).covers(KeptData.attributes(List.of(KeptData.ALL))))
                .isFalse();
        assertThat(KeptData.EVERYTHING.covers(new KeptData(true, true, Set.of("*"), true, true)))
                .isTrue();
        assertThat(ERIKA.keptOrAll())
                .as("a note stored before data minimisation")
                .isEqualTo(KeptData.EVERYTHING);
    }
}
