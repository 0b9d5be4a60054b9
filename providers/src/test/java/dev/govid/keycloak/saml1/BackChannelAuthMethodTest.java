package dev.govid.keycloak.saml1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackChannelAuthMethodTest {

    @Test
    void absentMeansMoaIdCompatible() {
        assertThat(BackChannelAuthMethod.parse(null)).isEqualTo(BackChannelAuthMethod.NONE);
        assertThat(BackChannelAuthMethod.parse(" ")).isEqualTo(BackChannelAuthMethod.NONE);
        assertThat(BackChannelAuthMethod.parse("none")).isEqualTo(BackChannelAuthMethod.NONE);
    }

    @Test
    void knownValuesInAnyCase() {
        assertThat(BackChannelAuthMethod.parse("Client-Secret")).isEqualTo(BackChannelAuthMethod.CLIENT_SECRET);
        assertThat(BackChannelAuthMethod.parse("mtls")).isEqualTo(BackChannelAuthMethod.MUTUAL_TLS);
        assertThat(BackChannelAuthMethod.parse(" tls-client-certificate ")).isEqualTo(BackChannelAuthMethod.MUTUAL_TLS);
    }

    @Test
    void aTypoFailsClosedInsteadOfSwitchingAuthenticationOff() {
        assertThat(BackChannelAuthMethod.parse("client_secret")).isEqualTo(BackChannelAuthMethod.UNKNOWN);
        assertThat(BackChannelAuthMethod.parse("true")).isEqualTo(BackChannelAuthMethod.UNKNOWN);
    }
}
