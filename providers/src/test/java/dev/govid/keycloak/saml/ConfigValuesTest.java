package dev.govid.keycloak.saml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void readsAdminConsoleJsonAndCommaLists() {
        assertThat(ConfigValues.list("bPK2##givenName##surname")).containsExactly("bPK2", "givenName", "surname");
        assertThat(ConfigValues.list("[\"mail\",\"birthdate\"]")).containsExactly("mail", "birthdate");
        assertThat(ConfigValues.list(" mail , birthdate ")).containsExactly("mail", "birthdate");
        assertThat(ConfigValues.list(null)).isEmpty();
        assertThat(ConfigValues.list("  ")).isEmpty();
    }
}
