package dev.govid.keycloak.bundid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.ConfigValues;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlPrincipalType;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * The BundID profile on top of Keycloak's SAML settings. The installation-specific answers are plain
 * config keys; every security-relevant SAML setting is fixed by overriding its getter, so neither an
 * admin-console edit nor a realm import can switch off signing, signature validation or encryption.
 */
public class BundIdConfig extends SAMLIdentityProviderConfig {

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

    private BundIdEnvironment.IdpEndpoints resolvedEndpoints;

    public BundIdConfig() {
    }

    public BundIdConfig(IdentityProviderModel model) {
        super(model);
    }

    // ---- installation-specific answers ------------------------------------------------------------

    public BundIdEnvironment getEnvironment() {
        return BundIdEnvironment.fromConfig(getConfig().get(ENVIRONMENT));
    }

    /** The IdP metadata URL: the admin's override, else the environment's preset. */
    public Optional<String> getIdpMetadataUrl() {
        String configured = ConfigValues.trimToNull(getConfig().get(METADATA_URL));
        if (configured != null) {
            return Optional.of(configured);
        }
        return getEnvironment().presetEndpoints().map(BundIdEnvironment.IdpEndpoints::metadataUrl);
    }

    public Optional<String> getOnlineServiceId() {
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(ONLINE_SERVICE_ID)));
    }

    public Optional<String> getOrganizationDisplayName() {
        String name = ConfigValues.trimToNull(getConfig().get(ORGANIZATION_DISPLAY_NAME));
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(name.length() > ORGANIZATION_DISPLAY_NAME_MAX ? name.substring(0, ORGANIZATION_DISPLAY_NAME_MAX) : name);
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
        for (String name : ConfigValues.list(getConfig().getOrDefault(REQUIRED_ATTRIBUTES, DEFAULT_REQUIRED_ATTRIBUTES))) {
            BundIdAttribute.lookup(name).filter(a -> a != BundIdAttribute.BPK2).ifPresent(a -> requested.put(a, Boolean.TRUE));
        }
        for (String name : ConfigValues.list(getConfig().getOrDefault(OPTIONAL_ATTRIBUTES, DEFAULT_OPTIONAL_ATTRIBUTES))) {
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

    /** Endpoints learned from the IdP metadata for {@link BundIdEnvironment#CUSTOM}. */
    void useResolvedEndpoints(BundIdEnvironment.IdpEndpoints endpoints) {
        this.resolvedEndpoints = endpoints;
    }

    private Optional<BundIdEnvironment.IdpEndpoints> endpoints() {
        if (resolvedEndpoints != null) {
            return Optional.of(resolvedEndpoints);
        }
        return getEnvironment().presetEndpoints();
    }

    // ---- enforced profile --------------------------------------------------------------------------

    @Override
    public boolean isWantAuthnRequestsSigned() {
        return true;
    }

    @Override
    public boolean isValidateSignature() {
        return true;
    }

    @Override
    public boolean isWantAssertionsEncrypted() {
        return true;
    }

    @Override
    public boolean isPostBindingResponse() {
        return true;
    }

    @Override
    public boolean isArtifactBindingResponse() {
        return false;
    }

    /** POST is what BundID recommends; Redirect stays available as the one binding override. */
    @Override
    public boolean isPostBindingAuthnRequest() {
        return !"REDIRECT".equalsIgnoreCase(getConfig().get(REQUEST_BINDING));
    }

    @Override
    public String getSignatureAlgorithm() {
        String configured = ConfigValues.trimToNull(getConfig().get(REQUEST_SIGNATURE_ALGORITHM));
        return "RSA_SHA512".equalsIgnoreCase(configured) ? "RSA_SHA512" : "RSA_SHA256";
    }

    /**
     * Keycloak's own extension naming the signing key, for the Redirect binding only (where the XML itself
     * carries no signature); it then sits next to the akdb extension.
     */
    @Override
    public boolean isAddExtensionsElementWithKeyInfo() {
        return !isPostBindingAuthnRequest() && Boolean.parseBoolean(getConfig().get(KEY_INFO_EXTENSION));
    }

    /** BundID rejects metadata with an {@code ID}; a signature would need one. */
    @Override
    public boolean isSignSpMetadata() {
        return false;
    }

    /** BundID's NameID is transient; the person key is bPK2, which the response callback installs. */
    @Override
    public String getNameIDPolicyFormat() {
        return JBossSAMLURIConstants.NAMEID_FORMAT_TRANSIENT.get();
    }

    @Override
    public SamlPrincipalType getPrincipalType() {
        return SamlPrincipalType.SUBJECT;
    }

    @Override
    public AuthnContextComparisonType getAuthnContextComparisonType() {
        return AuthnContextComparisonType.MINIMUM;
    }

    /** The request preprocessor writes the level; Keycloak's own class refs would duplicate it. */
    @Override
    public String getAuthnContextClassRefs() {
        return null;
    }

    @Override
    public String getAuthnContextDeclRefs() {
        return null;
    }

    @Override
    public boolean isLoginHint() {
        return false;
    }

    @Override
    public Integer getAttributeConsumingServiceIndex() {
        return null;
    }

    @Override
    public String getIdpEntityId() {
        return endpoints().map(BundIdEnvironment.IdpEndpoints::entityId).orElse(null);
    }

    @Override
    public String getSingleSignOnServiceUrl() {
        return endpoints().map(e -> isPostBindingAuthnRequest() ? e.postSsoUrl() : e.redirectSsoUrl()).orElse(null);
    }

    @Override
    public String getMetadataDescriptorUrl() {
        return getIdpMetadataUrl().orElse(null);
    }

    /** Response signatures are always checked against the keys in the IdP's metadata. */
    @Override
    public boolean isUseMetadataDescriptorUrl() {
        return getIdpMetadataUrl().isPresent();
    }

    @Override
    public void validate(RealmModel realm) {
        List<String> problems = new ArrayList<>();
        if (getEnvironment() == BundIdEnvironment.CUSTOM && ConfigValues.trimToNull(getConfig().get(METADATA_URL)) == null) {
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
        if (entityId != null && !entityId.isBlank() && getEnvironment() != BundIdEnvironment.CUSTOM
                && !entityId.startsWith("https://")) {
            problems.add("entityId must be an https URL for BundID");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("BundID configuration: " + String.join("; ", problems));
        }
    }
}
