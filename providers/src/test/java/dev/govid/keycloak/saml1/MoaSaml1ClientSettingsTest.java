package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import dev.govid.keycloak.settings.FakeClient;
import dev.govid.keycloak.settings.HttpUrl;
import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingProblem;
import org.junit.jupiter.api.Test;

class MoaSaml1ClientSettingsTest {

    private static Parsed<MoaSaml1ClientSettings> read(Map<String, String> attributes) {
        Map<String, String> all =
                new HashMap<>(Map.of("moa.saml1.enabled", "true", "moa.oaUrlPrefixes", "https://app.example/oa/"));
        all.putAll(attributes);
        return MoaSaml1ClientSettings.read(FakeClient.of("moa-app", "govid-moa-saml1", all));
    }

    @Test
    void defaultsFollowMoaId() {
        Parsed<MoaSaml1ClientSettings> parsed = read(Map.of());
        assertThat(parsed.problems()).isEmpty();
        MoaSaml1ClientSettings s = parsed.value();
        assertThat(s.target()).as("no default sector").isEmpty();
        assertThat(s.friendlyName()).isEqualTo("moa-app");
        assertThat(s.artifactTtlSeconds()).isEqualTo(300);
        assertThat(s.backChannelAuth()).isEqualTo(BackChannelAuthMethod.NONE);
        assertThat(s.flags()).isEqualTo(Saml1ClientFlags.defaults());
    }

    @Test
    void oaUrlsMatchTheMostSpecificPrefixBySegments() throws Exception {
        MoaSaml1ClientSettings s = read(Map.of("moa.oaUrlPrefixes", "https://app.example/##https://app.example/oa/"))
                .value();
        assertThat(s.matchLength(HttpUrl.parse("https://app.example/oa/x"))).contains("/oa/".length());
        assertThat(s.matchLength(HttpUrl.parse("https://app.example/other"))).contains(1);
        assertThat(s.matchLength(HttpUrl.parse("https://app.example.evil.example/oa/x")))
                .isEmpty();
    }

    /** Issue 13: a prefix without trailing slash on plain http was accepted and matched other hosts. */
    @Test
    void prefixesAreValidatedAsUrls() {
        Parsed<MoaSaml1ClientSettings> parsed = read(
                Map.of(
                        "moa.oaUrlPrefixes",
                        "http://acc-app.example##https://app.example/oa/?x=1##https://user@app.example/##https://app.example/oa/"));
        assertThat(parsed.problems()).hasSize(3).allMatch(p -> p.key().equals("moa.oaUrlPrefixes"));
        assertThat(parsed.value().oaUrlPrefixes())
                .extracting(HttpUrl::toString)
                .containsExactly("https://app.example/oa/");
        assertThat(read(Map.of("moa.oaUrlPrefixes", " ")).problems())
                .extracting(SettingProblem::key)
                .containsExactly("moa.oaUrlPrefixes");
    }

    /** Issue 13: {@code Long.parseLong} threw during a login. */
    @Test
    void badValuesAreProblemsAndNothingThrows() {
        Parsed<MoaSaml1ClientSettings> parsed = read(Map.of(
                "moa.artifactTtlSeconds",
                "5 minutes",
                "moa.minorVersion",
                "2",
                "moa.backChannelAuth",
                "client_secret",
                "moa.signAssertion",
                "nein",
                "moa.target",
                "B F",
                "moa.mtls.subjectDn",
                "not a dn ===",
                "moa.transmitBaseId",
                "1"));
        assertThat(parsed.problems())
                .extracting(SettingProblem::key)
                .containsExactlyInAnyOrder(
                        "moa.artifactTtlSeconds",
                        "moa.minorVersion",
                        "moa.backChannelAuth",
                        "moa.signAssertion",
                        "moa.target",
                        "moa.mtls.subjectDn",
                        "moa.transmitBaseId");
        assertThat(read(Map.of("moa.artifactTtlSeconds", "0")).valid()).isFalse();
        assertThat(read(Map.of("moa.artifactTtlSeconds", "86400")).valid()).isFalse();
        assertThat(read(Map.of("moa.backChannelAuth", "mtls")).problems())
                .extracting(SettingProblem::key)
                .containsExactly("moa.mtls.subjectDn");
    }

    @Test
    void privateSectorIsOneFactForBothKeys() {
        assertThat(read(Map.of("govid.privateSector", "true")).value().privateSector())
                .isTrue();
        assertThat(read(Map.of("moa.privateSector", "true", "moa.transmitBaseId", "true"))
                        .value()
                        .flags()
                        .transmitBaseId())
                .as("no base id for the private sector")
                .isFalse();
        assertThat(read(Map.of("moa.privateSector", "true", "govid.privateSector", "false"))
                        .valid())
                .isFalse();
    }
}
