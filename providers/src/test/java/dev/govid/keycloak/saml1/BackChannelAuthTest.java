package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackChannelAuthTest {

    @Test
    void absentMeansMoaIdCompatible() {
        assertThat(BackChannelAuth.parse(null)).isEqualTo(BackChannelAuth.NONE);
        assertThat(BackChannelAuth.parse(" ")).isEqualTo(BackChannelAuth.NONE);
        assertThat(BackChannelAuth.parse("none")).isEqualTo(BackChannelAuth.NONE);
    }

    @Test
    void knownValuesInAnyCase() {
        assertThat(BackChannelAuth.parse("Client-Secret")).isEqualTo(BackChannelAuth.CLIENT_SECRET);
        assertThat(BackChannelAuth.parse("mtls")).isEqualTo(BackChannelAuth.MUTUAL_TLS);
        assertThat(BackChannelAuth.parse(" tls-client-certificate ")).isEqualTo(BackChannelAuth.MUTUAL_TLS);
    }

    @Test
    void aTypoFailsClosedInsteadOfSwitchingAuthenticationOff() {
        assertThat(BackChannelAuth.parse("client_secret")).isEqualTo(BackChannelAuth.UNKNOWN);
        assertThat(BackChannelAuth.parse("true")).isEqualTo(BackChannelAuth.UNKNOWN);
    }
}
