package dev.govid.keycloak.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.settings.HttpUrl;
import dev.govid.keycloak.settings.SettingProblem;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.protocol.saml.SamlPrincipalType;

/**
 * Keycloak's SAML settings with the security-relevant ones fixed the way every government eID profile
 * needs them. Each setting is fixed by overriding its getter, so neither an admin-console edit nor a realm
 * import can switch off request signing, response-signature validation or assertion encryption (DigiD, which
 * signs but never encrypts assertions, overrides the latter deliberately). The profiles (BundID, PVP, DigiD) supply
 * the installation-specific answers.
 */
public abstract class EidProfileConfig extends SAMLIdentityProviderConfig {

    /** Identity-provider config keys an admin may set to describe an eID system on the selection page in their own words. */
    public static final String SELECTION_NEEDS_TEXT = "govidSelectionNeeds";
    /** An https or server-relative logo for the selection page. */
    public static final String SELECTION_LOGO_URL = "govidSelectionLogo";

    private IdpEndpoints resolvedEndpoints;

    protected EidProfileConfig() {}

    protected EidProfileConfig(IdentityProviderModel model) {
        super(model);
    }

    /**
     * What is wrong with the stored configuration, without the checks that need the realm: every GovID key read
     * strictly (unknown choices, attribute names, levels, methods, booleans and URLs are problems, not defaults).
     * {@link #validate} refuses a save with problems; a login through a provider with problems stops with a page.
     */
    public final List<SettingProblem> problems() {
        SettingsReader settings = SettingsReader.of(getConfig());
        settings.text(SELECTION_NEEDS_TEXT);
        String logo = settings.text(SELECTION_LOGO_URL, HttpUrl.MAX_LENGTH);
        if (logo != null) {
            try {
                HttpUrl.image(logo);
            } catch (HttpUrl.InvalidUrlException e) {
                settings.problem(SELECTION_LOGO_URL, e.getMessage());
            }
        }
        checkProfile(settings);
        return settings.problems();
    }

    /** The profile's own keys, read strictly into {@code settings}. */
    protected abstract void checkProfile(SettingsReader settings);

    /** A URL setting that must be an https (or loopback http) URL, if set. */
    protected static void checkLink(SettingsReader settings, String key) {
        String value = settings.text(key, HttpUrl.MAX_LENGTH);
        if (value != null) {
            try {
                HttpUrl.link(value);
            } catch (HttpUrl.InvalidUrlException e) {
                settings.problem(key, e.getMessage());
            }
        }
    }

    /**
     * A URL Keycloak itself fetches (IdP metadata), if set: a well-formed absolute http(s) URL. Whether plain http
     * is acceptable depends on the realm's SSL setting, which {@link #validate} checks.
     */
    protected static void checkFetchedUrl(SettingsReader settings, String key) {
        String value = settings.text(key, HttpUrl.MAX_LENGTH);
        if (value != null) {
            try {
                HttpUrl.parse(value);
            } catch (HttpUrl.InvalidUrlException e) {
                settings.problem(key, e.getMessage());
            }
        }
    }

    /** The request binding and signature algorithm choices every profile has. */
    protected static void checkRequestOptions(SettingsReader settings, String bindingKey, String algorithmKey) {
        settings.choice(
                bindingKey, "POST", SettingsReader.options(List.of("POST", "REDIRECT"), List.of("POST", "REDIRECT")));
        settings.choice(
                algorithmKey,
                "RSA_SHA256",
                SettingsReader.options(List.of("RSA_SHA256", "RSA_SHA512"), List.of("RSA_SHA256", "RSA_SHA512")));
    }

    /** Throws with every problem (and the realm-dependent ones the profile adds): how Keycloak refuses a save. */
    protected void refuseIfInvalid(String profileName, List<String> realmProblems) {
        List<String> all = new ArrayList<>();
        problems().forEach(p -> all.add(p.toString()));
        all.addAll(realmProblems);
        if (!all.isEmpty()) {
            throw new IllegalArgumentException(profileName + " configuration: " + String.join("; ", all));
        }
    }

    /** The IdP metadata URL: response signatures are checked against the keys published there. */
    public abstract Optional<String> getIdpMetadataUrl();

    /** Endpoints known without reading metadata (environment presets), if any. */
    protected abstract Optional<IdpEndpoints> presetEndpoints();

    /** {@code POST} (default) or {@code REDIRECT}. */
    protected abstract String requestBinding();

    /** {@code RSA_SHA256} (default) or {@code RSA_SHA512}. */
    protected abstract String requestSignatureAlgorithm();

    /** Whether Keycloak's KeyInfo extension is wanted on Redirect-binding requests. */
    protected abstract boolean keyInfoExtension();

    /**
     * The algorithms a response may use. GCM only unless a profile offers the documented per-provider AES-CBC
     * switch; never weaker than {@link AlgorithmPolicy}'s lists, whatever the stored config says.
     */
    public AlgorithmPolicy getAlgorithmPolicy() {
        return AlgorithmPolicy.gcmOnly();
    }

    /** Endpoints learned from the IdP metadata, used when there is no preset. */
    public void useResolvedEndpoints(IdpEndpoints endpoints) {
        this.resolvedEndpoints = endpoints;
    }

    private Optional<IdpEndpoints> endpoints() {
        Optional<IdpEndpoints> preset = presetEndpoints();
        return preset.isPresent() ? preset : Optional.ofNullable(resolvedEndpoints);
    }

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

    @Override
    public boolean isPostBindingAuthnRequest() {
        return !"REDIRECT".equalsIgnoreCase(requestBinding());
    }

    @Override
    public String getSignatureAlgorithm() {
        return "RSA_SHA512".equalsIgnoreCase(requestSignatureAlgorithm()) ? "RSA_SHA512" : "RSA_SHA256";
    }

    /**
     * Keycloak's own extension naming the signing key, for the Redirect binding only (where the XML itself
     * carries no signature); it then sits next to the profile's extension.
     */
    @Override
    public boolean isAddExtensionsElementWithKeyInfo() {
        return !isPostBindingAuthnRequest() && keyInfoExtension();
    }

    /** BundID refuses metadata with an {@code ID}, which a metadata signature would need. */
    @Override
    public boolean isSignSpMetadata() {
        return false;
    }

    /** The NameID is never the person key; the profile's response callback installs the eID person key. */
    @Override
    public SamlPrincipalType getPrincipalType() {
        return SamlPrincipalType.SUBJECT;
    }

    @Override
    public AuthnContextComparisonType getAuthnContextComparisonType() {
        return AuthnContextComparisonType.MINIMUM;
    }

    /** The profile writes the level itself, in the IdP's vocabulary. */
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
        return endpoints().map(IdpEndpoints::entityId).orElse(null);
    }

    @Override
    public String getSingleSignOnServiceUrl() {
        return endpoints()
                .map(e -> isPostBindingAuthnRequest() ? e.postSsoUrl() : e.redirectSsoUrl())
                .orElse(null);
    }

    /** Only an IdP answering by HTTP-Artifact ({@link #isArtifactBindingResponse()}) names one in its metadata. */
    @Override
    public String getArtifactResolutionServiceUrl() {
        return endpoints().map(IdpEndpoints::artifactResolutionUrl).orElse(null);
    }

    @Override
    public String getMetadataDescriptorUrl() {
        return getIdpMetadataUrl().orElse(null);
    }

    @Override
    public boolean isUseMetadataDescriptorUrl() {
        return getIdpMetadataUrl().isPresent();
    }
}
