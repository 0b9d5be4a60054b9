package dev.govid.keycloak.saml;

import java.util.Optional;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.protocol.saml.SamlPrincipalType;

/**
 * Keycloak's SAML settings with the security-relevant ones fixed the way every government eID profile
 * needs them. Each setting is fixed by overriding its getter, so neither an admin-console edit nor a realm
 * import can switch off request signing, response-signature validation or assertion encryption. The
 * profiles (BundID, PVP) supply the installation-specific answers.
 */
public abstract class EidProfileConfig extends SAMLIdentityProviderConfig {

    private IdpEndpoints resolvedEndpoints;

    protected EidProfileConfig() {
    }

    protected EidProfileConfig(IdentityProviderModel model) {
        super(model);
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
        return endpoints().map(e -> isPostBindingAuthnRequest() ? e.postSsoUrl() : e.redirectSsoUrl()).orElse(null);
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
