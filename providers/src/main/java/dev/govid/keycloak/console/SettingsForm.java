package dev.govid.keycloak.console;

import java.util.List;

import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.revisionlog.EventSelection;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.rules.OfferedEids;
import dev.govid.keycloak.saml1.MoaSaml1ClientSettings;
import dev.govid.keycloak.selection.ClientSelectionSettings;
import dev.govid.keycloak.selection.PageSettings;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The fields of the GovID settings form: the keys are the client-attribute keys ({@code docs/settings.md}), the
 * labels and help texts are message keys of the admin message bundle ({@code govidSetting…}), so the console shows
 * them in the admin's language. Switches carry the documented default, because a switch always has a value.
 */
final class SettingsForm {

    private SettingsForm() {}

    /** Fields every protocol has: representation, offered eIDs, rules, SSO step, pages, revision-log events. */
    static List<ProviderConfigProperty> common() {
        return builder(ProviderConfigurationBuilder.create()).build();
    }

    /** The common fields and MOA-ID SAML1's. */
    static List<ProviderConfigProperty> saml1() {
        ProviderConfigurationBuilder form = builder(ProviderConfigurationBuilder.create());
        field(form, MoaSaml1ClientSettings.ENABLED, "Saml1Enabled", ProviderConfigProperty.BOOLEAN_TYPE, "false");
        field(
                form,
                MoaSaml1ClientSettings.OA_URL_PREFIXES,
                "Saml1OaUrlPrefixes",
                ProviderConfigProperty.MULTIVALUED_STRING_TYPE,
                null);
        field(form, MoaSaml1ClientSettings.TARGET, "Saml1Target", ProviderConfigProperty.STRING_TYPE, null);
        field(
                form,
                MoaSaml1ClientSettings.BUSINESS_REGISTER_NUMBER,
                "Saml1BusinessRegisterNumber",
                ProviderConfigProperty.STRING_TYPE,
                null);
        field(
                form,
                MoaSaml1ClientSettings.FRIENDLY_NAME,
                "Saml1FriendlyName",
                ProviderConfigProperty.STRING_TYPE,
                null);
        field(form, MoaSaml1ClientSettings.SOURCE_ID, "Saml1SourceId", ProviderConfigProperty.STRING_TYPE, null);
        field(
                form,
                MoaSaml1ClientSettings.ARTIFACT_TTL_SECONDS,
                "Saml1ArtifactTtl",
                ProviderConfigProperty.STRING_TYPE,
                null);
        list(
                form,
                MoaSaml1ClientSettings.BACK_CHANNEL_AUTH,
                "Saml1BackChannelAuth",
                "none",
                List.of("none", "client-secret", "mtls"));
        field(
                form,
                MoaSaml1ClientSettings.MTLS_SUBJECT_DN,
                "Saml1MtlsSubjectDn",
                ProviderConfigProperty.STRING_TYPE,
                null);
        list(form, MoaSaml1ClientSettings.MINOR_VERSION, "Saml1MinorVersion", "0", List.of("0", "1"));
        field(
                form,
                MoaSaml1ClientSettings.SIGN_ASSERTION,
                "Saml1SignAssertion",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "true");
        field(
                form,
                MoaSaml1ClientSettings.TRANSMIT_BASE_ID,
                "Saml1TransmitBaseId",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "false");
        field(
                form,
                MoaSaml1ClientSettings.TRANSMIT_AUTH_BLOCK,
                "Saml1TransmitAuthBlock",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "false");
        field(
                form,
                MoaSaml1ClientSettings.TRANSMIT_IDENTITY_LINK,
                "Saml1TransmitIdentityLink",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "false");
        field(
                form,
                MoaSaml1ClientSettings.TRANSMIT_SIGNER_CERTIFICATE,
                "Saml1TransmitSignerCertificate",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "false");
        field(
                form,
                MoaSaml1ClientSettings.TRANSMIT_FULL_MANDATE,
                "Saml1TransmitFullMandate",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "false");
        return form.build();
    }

    private static ProviderConfigurationBuilder builder(ProviderConfigurationBuilder form) {
        list(form, RepresentationRules.MODE, "Representation", "off", List.of("off", "optional", "required"));
        field(
                form,
                RepresentationRules.PROFILES,
                "MandateProfiles",
                ProviderConfigProperty.MULTIVALUED_STRING_TYPE,
                null);
        multi(form, RepresentationRules.MANDATORS, "Mandators", List.of("natural", "legal"));
        field(
                form,
                RepresentationRules.MAX_VALIDITY_DAYS,
                "MandateMaxValidityDays",
                ProviderConfigProperty.STRING_TYPE,
                null);
        field(form, RepresentationRules.PRIVATE_SECTOR, "PrivateSector", ProviderConfigProperty.BOOLEAN_TYPE, "false");
        field(form, OfferedEids.ATTRIBUTE, "OfferedEids", ProviderConfigProperty.MULTIVALUED_STRING_TYPE, null);
        list(form, ClientRules.TEST_IDENTITIES, "TestIdentities", "allow", List.of("allow", "refuse"));
        field(
                form,
                ClientSelectionSettings.SSO_CONFIRMATION,
                "SsoConfirmation",
                ProviderConfigProperty.BOOLEAN_TYPE,
                "true");
        field(form, EventSelection.EVENTS, "RevisionLogEvents", ProviderConfigProperty.STRING_TYPE, null);
        field(form, PageSettings.TITLE, "ThemeTitle", ProviderConfigProperty.STRING_TYPE, null);
        field(form, PageSettings.LOGO, "ThemeLogo", ProviderConfigProperty.STRING_TYPE, null);
        field(form, PageSettings.PRIMARY_COLOR, "ThemePrimaryColor", ProviderConfigProperty.STRING_TYPE, null);
        field(form, PageSettings.HEADER_COLOR, "ThemeHeaderColor", ProviderConfigProperty.STRING_TYPE, null);
        field(form, PageSettings.HELP_URL, "ThemeHelpUrl", ProviderConfigProperty.STRING_TYPE, null);
        field(
                form,
                PageSettings.FRAME_ANCESTORS,
                "FrameAncestors",
                ProviderConfigProperty.MULTIVALUED_STRING_TYPE,
                null);
        return form;
    }

    private static void field(
            ProviderConfigurationBuilder form, String key, String label, String type, String defaultValue) {
        var property = form.property()
                .name(key)
                .type(type)
                .label("govidSetting" + label)
                .helpText("govidSetting" + label + "Help");
        if (defaultValue != null) {
            property.defaultValue(defaultValue);
        }
        property.add();
    }

    private static void list(
            ProviderConfigurationBuilder form, String key, String label, String defaultValue, List<String> options) {
        form.property()
                .name(key)
                .type(ProviderConfigProperty.LIST_TYPE)
                .label("govidSetting" + label)
                .helpText("govidSetting" + label + "Help")
                .defaultValue(defaultValue)
                .options(options)
                .add();
    }

    private static void multi(ProviderConfigurationBuilder form, String key, String label, List<String> options) {
        form.property()
                .name(key)
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .label("govidSetting" + label)
                .helpText("govidSetting" + label + "Help")
                .options(options)
                .add();
    }
}
