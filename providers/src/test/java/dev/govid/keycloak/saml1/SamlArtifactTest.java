package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamlArtifactTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void hasType0001SourceIdHashAndTwentyRandomBytes() throws Exception {
        SamlArtifact artifact = SamlArtifact.create("https://portal.example.gv.at/", RANDOM);

        byte[] bytes = Base64.getDecoder().decode(artifact.encoded());
        assertThat(artifact.encoded()).hasSize(56);
        assertThat(bytes).hasSize(42);
        assertThat(bytes[0]).isEqualTo((byte) 0x00);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest("https://portal.example.gv.at/".getBytes(StandardCharsets.UTF_8));
        assertThat(Arrays.copyOfRange(bytes, 2, 22)).isEqualTo(sha1);
        assertThat(artifact.sourceIdHash()).isEqualTo(sha1);
        assertThat(artifact.assertionHandleHex()).hasSize(40).matches("[0-9a-f]+");
    }

    @Test
    void handlesDifferAndSourceIdHashStaysTheSame() {
        SamlArtifact first = SamlArtifact.create("src", RANDOM);
        SamlArtifact second = SamlArtifact.create("src", RANDOM);

        assertThat(first.assertionHandleHex()).isNotEqualTo(second.assertionHandleHex());
        assertThat(first.sourceIdHash()).isEqualTo(second.sourceIdHash());
        assertThat(first.key()).isNotEqualTo(second.key());
    }

    @Test
    void parseRoundTripKeepsKeyAndEquality() {
        SamlArtifact artifact = SamlArtifact.create("src", RANDOM);

        SamlArtifact parsed = SamlArtifact.parse(artifact.encoded()).orElseThrow();

        assertThat(parsed).isEqualTo(artifact).hasSameHashCodeAs(artifact);
        assertThat(parsed.key()).isEqualTo(artifact.key()).startsWith("govid.saml1.artifact.");
        assertThat(parsed.assertionHandleHex()).isEqualTo(artifact.assertionHandleHex());
    }

    @Test
    void keyIsUrlSafeAndToStringHidesTheHandle() {
        SamlArtifact artifact = SamlArtifact.create("src", RANDOM);

        assertThat(artifact.key().substring("govid.saml1.artifact.".length())).matches("[A-Za-z0-9_-]{54}");
        assertThat(artifact.toString())
                .doesNotContain(artifact.assertionHandleHex())
                .doesNotContain(artifact.encoded());
    }

    @Test
    void parseRejectsWrongLengthTypeAndGarbage() {
        byte[] good =
                Base64.getDecoder().decode(SamlArtifact.create("src", RANDOM).encoded());
        byte[] type2 = good.clone();
        type2[1] = 0x02;
        byte[] type0100 = good.clone();
        type0100[0] = 0x01;
        type0100[1] = 0x00;

        assertThat(SamlArtifact.parse(Base64.getEncoder().encodeToString(type2)))
                .isEmpty();
        assertThat(SamlArtifact.parse(Base64.getEncoder().encodeToString(type0100)))
                .isEmpty();
        assertThat(SamlArtifact.parse(Base64.getEncoder().encodeToString(Arrays.copyOf(good, 41))))
                .isEmpty();
        assertThat(SamlArtifact.parse(Base64.getEncoder().encodeToString(Arrays.copyOf(good, 45))))
                .isEmpty();
        assertThat(SamlArtifact.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not base64 at all",
                "AAEAAQ==",
                "AAE!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "AAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
            })
    void parseRejectsMalformedText(String text) {
        assertThat(SamlArtifact.parse(text)).isEmpty();
    }
}
