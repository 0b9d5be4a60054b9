package dev.govid.keycloak.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderModel;

class EidChoicesTest {

    private static IdentityProviderModel idp(
            String alias, String providerId, String displayName, Map<String, String> config) {
        IdentityProviderModel m = new IdentityProviderModel();
        m.setAlias(alias);
        m.setProviderId(providerId);
        m.setDisplayName(displayName);
        m.setEnabled(true);
        m.setConfig(new HashMap<>(config));
        return m;
    }

    /** What the real profiles tell the selection page, looked up as the authenticator does through their factories. */
    private static final java.util.function.Function<String, EidKind> KINDS = type -> EidKind.of(
            switch (type) {
                case "govid-bundid" ->
                    java.util.Optional.of(new dev.govid.keycloak.bundid.BundIdIdentityProviderFactory());
                case "govid-pvp" -> java.util.Optional.of(new dev.govid.keycloak.pvp.PvpIdentityProviderFactory());
                default -> java.util.Optional.empty();
            });

    private final IdentityProviderModel bundid =
            idp("bundid", "govid-bundid", "BundID", Map.of("bundidMinimumLevel", "STORK-QAA-Level-3"));
    private final IdentityProviderModel austria = idp("idaustria", "govid-pvp", "ID Austria", Map.of());
    private final IdentityProviderModel google = idp("google", "google", null, Map.of("guiOrder", "1"));

    @Test
    void withoutAClientListEveryShownProviderInGuiOrderThenName() {
        List<EidChoice> choices = EidChoices.forClient(List.of(bundid, austria, google), List.of(), KINDS);
        assertThat(choices).extracting(EidChoice::getAlias).containsExactly("google", "bundid", "idaustria");
    }

    @Test
    void theClientsListFiltersAndOrdersAndIgnoresUnknownAliases() {
        List<EidChoice> choices = EidChoices.forClient(
                List.of(bundid, austria, google), List.of("idaustria", "nope", "bundid", "bundid"), KINDS);
        assertThat(choices).extracting(EidChoice::getAlias).containsExactly("idaustria", "bundid");
    }

    @Test
    void hiddenDisabledAndLinkOnlyProvidersAreNeverListed() {
        IdentityProviderModel hidden = idp("hidden", "govid-pvp", "Hidden", Map.of());
        hidden.setHideOnLogin(true);
        IdentityProviderModel disabled = idp("disabled", "govid-pvp", "Disabled", Map.of());
        disabled.setEnabled(false);
        IdentityProviderModel linkOnly = idp("link", "govid-pvp", "Link", Map.of());
        linkOnly.setLinkOnly(true);
        assertThat(EidChoices.forClient(
                        List.of(hidden, disabled, linkOnly, bundid),
                        List.of("hidden", "disabled", "link", "bundid"),
                        KINDS))
                .extracting(EidChoice::getAlias)
                .containsExactly("bundid");
    }

    @Test
    void describesEachKindWithItsLevelsNeedsAndLogo() {
        List<EidChoice> choices =
                EidChoices.forClient(List.of(bundid, austria, google), List.of("bundid", "idaustria", "google"), KINDS);
        EidChoice b = choices.get(0);
        assertThat(b.getNeedsMessageKey()).isEqualTo("govidEidNeedsBundId");
        assertThat(b.getMinimumLevelKey()).isEqualTo("govidLevelSUBSTANTIAL");
        assertThat(b.getHighestLevelKey()).isEqualTo("govidLevelHIGH");
        assertThat(b.getLogo()).isEqualTo("bundid.svg");
        EidChoice a = choices.get(1);
        assertThat(a.getMinimumLevelKey()).isEqualTo("govidLevelSUBSTANTIAL");
        assertThat(a.isSingleLevel()).isFalse();
        EidChoice g = choices.get(2);
        assertThat(g.isLevelKnown()).isFalse();
        assertThat(g.getDisplayName()).isEqualTo("google");
        assertThat(g.getNeedsMessageKey()).isEqualTo("govidEidNeedsOther");
    }

    @Test
    void adminTextAndLogoFromTheProviderConfigOnlyWhenSafe() {
        IdentityProviderModel custom = idp(
                "x",
                "govid-pvp",
                "X",
                Map.of("govidSelectionNeeds", "Your own words", "govidSelectionLogo", "https://cdn.example/logo.svg"));
        IdentityProviderModel hostile = idp("y", "govid-pvp", "Y", Map.of("govidSelectionLogo", "javascript:alert(1)"));
        assertThat(EidChoice.of(custom, KINDS.apply(custom.getProviderId())).getNeedsText())
                .isEqualTo("Your own words");
        assertThat(EidChoice.of(custom, KINDS.apply(custom.getProviderId())).getLogoUrl())
                .isEqualTo("https://cdn.example/logo.svg");
        assertThat(EidChoice.of(hostile, KINDS.apply(hostile.getProviderId())).getLogoUrl())
                .isNull();
        assertThat(SafeUrls.imageUrlOrNull("/realms/x/logo.png")).isEqualTo("/realms/x/logo.png");
        assertThat(SafeUrls.imageUrlOrNull("//evil.example/x.png")).isNull();
        assertThat(SafeUrls.imageUrlOrNull("http://plain.example/x.png")).isNull();
        assertThat(SafeUrls.imageUrlOrNull("https://x.example/\"onerror=alert(1)"))
                .isNull();
        assertThat(SafeUrls.imageUrlOrNull("https://x.example/" + "a".repeat(5000)))
                .isNull();
    }

    @Test
    void theConfirmationNamesThePersonNotTheHashedUsername() {
        assertThat(SignedInPerson.displayName("Erika", "Mustermann", "bundid-3f2a"))
                .isEqualTo("Erika Mustermann");
        assertThat(SignedInPerson.displayName(null, "Mustermann", "bundid-3f2a"))
                .isEqualTo("Mustermann");
        assertThat(SignedInPerson.displayName(" ", null, "bundid-3f2a")).isEqualTo("bundid-3f2a");
    }
}
