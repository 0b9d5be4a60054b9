package dev.govid.keycloak.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class EidLoginTest {

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
            null);

    private static final EidLogin AUSTRIAN = new EidLogin(
            "id-1",
            "idaustria",
            "govid-pvp",
            new EidLogin.PersonKey("QUJDREVGR0hJSktMTU5PUFFSU1Q=", "urn:publicid:gv.at:cdid+BF", "BF"),
            "Anna",
            "Huber",
            "1980-01-01",
            null,
            AssuranceLevel.HIGH,
            null,
            "AT",
            Map.of("email", "anna@example.at", "source_pin", "x"),
            Map.of(),
            false,
            false,
            false,
            MANDATE);

    @Test
    void survivesTheUserSessionNoteRoundTrip() throws Exception {
        String json = JsonSerialization.writeValueAsString(AUSTRIAN);
        EidLogin read = JsonSerialization.readValue(json, EidLogin.class);
        assertThat(read).isEqualTo(AUSTRIAN);
        assertThat(json)
                .contains("\"level\":\"HIGH\"")
                .contains("\"kind\":\"NATURAL\"")
                .doesNotContain("displayName")
                .doesNotContain("optionalMandate")
                .doesNotContain("qualified")
                .doesNotContain("trustLevels");
    }

    @Test
    void aPersonKeyIsWrittenWithItsSector() {
        assertThat(AUSTRIAN.personKey().qualified()).isEqualTo("BF:QUJDREVGR0hJSktMTU5PUFFSU1Q=");
        assertThat(new EidLogin.PersonKey("bpk2", "urn:bund:bundid:bpk2", null).qualified())
                .isEqualTo("bpk2");
        assertThat(AUSTRIAN.displayName()).isEqualTo("Anna Huber");
    }
}
