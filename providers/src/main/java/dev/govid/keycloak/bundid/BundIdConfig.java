package dev.govid.keycloak.bundid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.saml.EidProfileConfig;
import dev.govid.keycloak.saml.IdpEndpoints;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * The BundID profile on top of Keycloak's SAML settings: the installation-specific answers as plain config
 * keys, the security-relevant settings fixed by {@link EidProfileConfig}.
 */
public class BundIdConfig extends EidProfileConfig {

    public static final String ENVIRONMENT = "bundidEnvironment";
    public static final String METADATA_URL = "bundidMetadataUrl";
    public static final String ONLINE_SERVICE_ID = "bundidOnlineServiceId";
    public static final String ORGANIZATION_DISPLAY_NAME = "bundidOrganizationDisplayName";
    public static final String REQUIRED_ATTRIBUTES = "bundidRequiredAttributes";
    public static final String OPTIONAL_ATTRIBUTES = "bundidOptionalAttributes";
    public static final String MINIMUM_LEVEL = "bundidMinimumLevel";
    public static final String ALLOWED_METHODS = "bundidAllowedMethods";
    public static final String LANG = "bundidLang";
    public static final String BACK_URL = "bundidBackUrl";
    public static final String PURPOSE = "bundidPurpose";
    public static final String ENABLE_STATUS_DETAIL = "bundidEnableStatusDetail";
    public static final String TEMPORARY_LOGIN_POLICY = "bundidTemporaryLoginPolicy";
    public static final String REQUEST_BINDING = "bundidRequestBinding";
    public static final String REQUEST_SIGNATURE_ALGORITHM = "bundidRequestSignatureAlgorithm";
    public static final String KEY_INFO_EXTENSION = "bundidKeyInfoExtension";

    /** Used when a provider is created without the key at all (REST, realm import); an empty value means none. */
    public static final String DEFAULT_REQUIRED_ATTRIBUTES = "givenName##surname";

    public static final String DEFAULT_OPTIONAL_ATTRIBUTES = "mail";

    public static final String LANG_FROM_USER = "auto";
    public static final List<String> LANGUAGES = List.of("de", "en", "ru", "uk");

    /** BundID cuts the display name after about 50 characters; we cut it ourselves so admins see the effect. */
    static final int ORGANIZATION_DISPLAY_NAME_MAX = 50;

    public BundIdConfig() {}

    public BundIdConfig(IdentityProviderModel model) {
        super(model);
    }

    // ---- installation-specific answers ------------------------------------------------------------

    /** The configured environment; empty for a value that names none (a login then stops, see {@link #problems()}). */
    public Optional<BundIdEnvironment> getEnvironment() {
        return BundIdEnvironment.fromConfig(getConfig().get(ENVIRONMENT));
    }

    /** The IdP metadata URL: the admin's override, else the environment's preset. */
    @Override
    public Optional<String> getIdpMetadataUrl() {
        String configured = ConfigValues.trimToNull(getConfig().get(METADATA_URL));
        if (configured != null) {
            return Optional.of(configured);
        }
        return getEnvironment().flatMap(BundIdEnvironment::presetMetadataUrl);
    }

    public Optional<String> getOnlineServiceId() {
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(ONLINE_SERVICE_ID)));
    }

    public Optional<String> getOrganizationDisplayName() {
        String name = ConfigValues.trimToNull(getConfig().get(ORGANIZATION_DISPLAY_NAME));
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(
                name.length() > ORGANIZATION_DISPLAY_NAME_MAX
                        ? name.substring(0, ORGANIZATION_DISPLAY_NAME_MAX)
                        : name);
    }

    /**
     * Attributes requested through the provider's own settings, attribute → required. bPK2 is always
     * requested, but not as required: a temporary login has none, and the profile's temporary-login policy
     * (not a generic BundID refusal) decides what happens then. The level and the proving method are
     * always asked for too: the profile checks both against what the client and the admin allow.
     */
    public Map<BundIdAttribute, Boolean> getConfiguredAttributes() {
        Map<BundIdAttribute, Boolean> requested = new LinkedHashMap<>();
        requested.put(BundIdAttribute.BPK2, Boolean.FALSE);
        requested.put(BundIdAttribute.CITIZEN_QAA_LEVEL, Boolean.FALSE);
        requested.put(BundIdAttribute.ASSERTION_PROVED_BY, Boolean.FALSE);
        for (String name :
                ConfigValues.list(getConfig().getOrDefault(REQUIRED_ATTRIBUTES, DEFAULT_REQUIRED_ATTRIBUTES))) {
            BundIdAttribute.lookup(name)
                    .filter(a -> a != BundIdAttribute.BPK2)
                    .ifPresent(a -> requested.put(a, Boolean.TRUE));
        }
        for (String name :
                ConfigValues.list(getConfig().getOrDefault(OPTIONAL_ATTRIBUTES, DEFAULT_OPTIONAL_ATTRIBUTES))) {
            BundIdAttribute.lookup(name).ifPresent(a -> requested.putIfAbsent(a, Boolean.FALSE));
        }
        return requested;
    }

    public AssuranceLevel getMinimumLevel() {
        return AssuranceLevel.parse(getConfig().get(MINIMUM_LEVEL)).orElse(AssuranceLevel.BASIC);
    }

    /** Empty means every method BundID offers. */
    public List<AuthnMethod> getAllowedMethods() {
        List<AuthnMethod> methods = new ArrayList<>();
        for (String name : ConfigValues.list(getConfig().get(ALLOWED_METHODS))) {
            AuthnMethod.lookup(name).ifPresent(methods::add);
        }
        return methods;
    }

    /** A fixed language, or empty when the user's Keycloak locale decides. */
    public Optional<String> getFixedLang() {
        String lang = ConfigValues.trimToNull(getConfig().get(LANG));
        return lang == null || LANG_FROM_USER.equalsIgnoreCase(lang) ? Optional.empty() : Optional.of(lang);
    }

    public Optional<String> getBackUrl() {
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(BACK_URL)));
    }

    public Optional<String> getPurpose() {
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(PURPOSE)));
    }

    public boolean isStatusDetailEnabled() {
        return !"false".equalsIgnoreCase(getConfig().get(ENABLE_STATUS_DETAIL));
    }

    public TemporaryLoginPolicy getTemporaryLoginPolicy() {
        return TemporaryLoginPolicy.fromConfig(getConfig().get(TEMPORARY_LOGIN_POLICY));
    }

    @Override
    protected Optional<IdpEndpoints> presetEndpoints() {
        return getEnvironment().flatMap(BundIdEnvironment::presetEndpoints);
    }

    @Override
    protected String requestBinding() {
        return getConfig().get(REQUEST_BINDING);
    }

    @Override
    protected String requestSignatureAlgorithm() {
        return ConfigValues.trimToNull(getConfig().get(REQUEST_SIGNATURE_ALGORITHM));
    }

    @Override
    protected boolean keyInfoExtension() {
        return Boolean.parseBoolean(getConfig().get(KEY_INFO_EXTENSION));
    }

    /** BundID's NameID is transient; the person key is bPK2. */
    @Override
    public String getNameIDPolicyFormat() {
        return JBossSAMLURIConstants.NAMEID_FORMAT_TRANSIENT.get();
    }

    @Override
    protected void checkProfile(SettingsReader settings) {
        if (BundIdEnvironment.fromConfig(settings.raw(ENVIRONMENT)).isEmpty()) {
            settings.problem(ENVIRONMENT, "must be one of integration, production, custom");
        }
        checkFetchedUrl(settings, METADATA_URL);
        settings.text(ONLINE_SERVICE_ID, 255);
        settings.text(ORGANIZATION_DISPLAY_NAME, 255);
        for (String key : List.of(REQUIRED_ATTRIBUTES, OPTIONAL_ATTRIBUTES)) {
            settings.list(
                    key,
                    name -> BundIdAttribute.lookup(name).isPresent()
                            ? null
                            : "lists an attribute BundID does not know (use the names the admin console offers, e.g. givenName, mail)");
        }
        if (settings.isSet(MINIMUM_LEVEL)
                && AssuranceLevel.parse(settings.raw(MINIMUM_LEVEL)).isEmpty()) {
            settings.problem(MINIMUM_LEVEL, "is not a level (STORK-QAA-Level-1 … 4)");
        }
        settings.list(
                ALLOWED_METHODS,
                name -> AuthnMethod.lookup(name).isPresent()
                        ? null
                        : "lists a method BundID does not know (" + String.join(", ", AuthnMethod.elementNames())
                                + ")");
        settings.choice(
                LANG,
                LANG_FROM_USER,
                SettingsReader.options(
                        List.of("auto", "de", "en", "ru", "uk"), List.of("auto", "de", "en", "ru", "uk")));
        checkLink(settings, BACK_URL);
        settings.text(PURPOSE, 255);
        settings.bool(ENABLE_STATUS_DETAIL, true);
        settings.choice(
                TEMPORARY_LOGIN_POLICY,
                TemporaryLoginPolicy.REJECT,
                SettingsReader.options(
                        List.of("reject", "accept"),
                        List.of(TemporaryLoginPolicy.REJECT, TemporaryLoginPolicy.ACCEPT)));
        checkRequestOptions(settings, REQUEST_BINDING, REQUEST_SIGNATURE_ALGORITHM);
        settings.bool(KEY_INFO_EXTENSION, false);
    }

    @Override
    public void validate(RealmModel realm) {
        List<String> problems = new ArrayList<>();
        if (getEnvironment().orElse(null) == BundIdEnvironment.CUSTOM
                && ConfigValues.trimToNull(getConfig().get(METADATA_URL)) == null) {
            problems.add(METADATA_URL + " is required for the custom environment");
        }
        getIdpMetadataUrl().ifPresent(url -> {
            if (realm.getSslRequired() == SslRequired.ALL && !url.startsWith("https://")) {
                problems.add(METADATA_URL + " must be an https URL");
            }
        });
        if (getOrganizationDisplayName().isEmpty()) {
            problems.add(ORGANIZATION_DISPLAY_NAME + " is required by BundID");
        }
        if (getOnlineServiceId().isEmpty()) {
            problems.add(ONLINE_SERVICE_ID + " (BMI-ID) is required by BundID");
        }
        String entityId = getEntityId();
        if (entityId != null
                && !entityId.isBlank()
                && getEnvironment().orElse(null) != BundIdEnvironment.CUSTOM
                && !entityId.startsWith("https://")) {
            problems.add("entityId must be an https URL for BundID");
        }
        refuseIfInvalid("BundID", problems);
    }
}
