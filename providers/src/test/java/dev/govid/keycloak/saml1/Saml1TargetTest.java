package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.login.EidLogin;
import org.junit.jupiter.api.Test;

class Saml1TargetTest {

    @Test
    void theApplicationsTargetOverridesTheRequestsAndTheRedirectEchoesTheRequest() {
        Saml1Target target =
                Saml1Target.of(Optional.of("BF"), false, "GH").target().orElseThrow();
        assertThat(target.sector()).isEqualTo("BF");
        assertThat(target.echoed()).isEqualTo("GH");
    }

    @Test
    void withoutAConfiguredTargetTheRequestsIsUsed() {
        Saml1Target target =
                Saml1Target.of(Optional.empty(), false, "GH").target().orElseThrow();
        assertThat(target).isEqualTo(new Saml1Target("GH", "GH"));
        assertThat(Saml1Target.of(Optional.of("SA-RE"), false, null).target())
                .contains(new Saml1Target("SA-RE", "SA-RE"));
    }

    @Test
    void noTargetAnywhereIsRefusedInsteadOfDefaultingToBf() {
        assertThat(Saml1Target.of(Optional.empty(), false, null).problem()).contains(Saml1Target.Problem.MISSING);
        assertThat(Saml1Target.of(Optional.empty(), false, "").problem()).contains(Saml1Target.Problem.MISSING);
    }

    @Test
    void aTargetThatIsNoSectorCodeIsRefused() {
        for (String hostile : new String[] {"BF&SAMLArtifact=x", "<script>", "bf", "TOOLONG", "GH-"}) {
            assertThat(Saml1Target.of(Optional.of("BF"), false, hostile).problem())
                    .as(hostile)
                    .contains(Saml1Target.Problem.MALFORMED);
        }
    }

    @Test
    void privateSectorHasNoPublicSectorButEchoesWhatItWasGiven() {
        assertThat(Saml1Target.of(Optional.of("BF"), true, "GH").target()).contains(new Saml1Target(null, "GH"));
        assertThat(Saml1Target.of(Optional.empty(), true, null).target()).contains(new Saml1Target(null, null));
    }

    @Test
    void aBpkOfAnotherSectorDoesNotFit() {
        assertThat(Saml1Target.fits("BF", login(new EidLogin.PersonKey("x", "urn:publicid:gv.at:cdid+BF", "BF"))))
                .isTrue();
        assertThat(Saml1Target.fits("GH", login(new EidLogin.PersonKey("x", "urn:publicid:gv.at:cdid+BF", "BF"))))
                .isFalse();
        assertThat(Saml1Target.fits("GH", login(new EidLogin.PersonKey("x", "urn:bund:bundid:bpk2", null))))
                .as("a key without a sector (BundID's bPK2)")
                .isTrue();
        assertThat(Saml1Target.fits(
                        null, login(new EidLogin.PersonKey("x", "urn:publicid:gv.at:wbpk+FN+468924i", "FN+468924i"))))
                .as("private sector")
                .isTrue();
    }

    @Test
    void useMandateIsTrueFalseOrAbsentAndNothingElse() {
        assertThat(UseMandate.parse("true")).contains(UseMandate.YES);
        assertThat(UseMandate.parse("FALSE")).contains(UseMandate.NO);
        assertThat(UseMandate.parse(null)).contains(UseMandate.ABSENT);
        assertThat(UseMandate.parse("")).contains(UseMandate.ABSENT);
        assertThat(UseMandate.parse("yes")).isEqualTo(Optional.empty());
    }

    private static EidLogin login(EidLogin.PersonKey key) {
        return new EidLogin(
                "id",
                "idaustria",
                "govid-pvp",
                key,
                "Anna",
                "Huber",
                "1980-01-01",
                null,
                AssuranceLevel.HIGH,
                null,
                "AT",
                Map.of(),
                Map.of(),
                false,
                false,
                false,
                null);
    }
}
