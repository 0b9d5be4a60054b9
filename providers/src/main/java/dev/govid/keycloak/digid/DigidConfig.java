package dev.govid.keycloak.digid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.saml.EidProfileConfig;
import dev.govid.keycloak.saml.IdpEndpoints;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * The DigiD settings an installation answers (environment or metadata URL, generation, ServiceUUID and its
 * AttributeConsumingService index, minimum level, whether Machtigen is offered); everything else is fixed here or in
 * {@link EidProfileConfig}: signed requests, the answer by HTTP-Artifact only, signature validation, assertions
 * signed (DigiD does not encrypt them; 4.x encrypts the identities inside), the ArtifactResolutionService from the
 * IdP metadata.
 */
public class DigidConfig extends EidProfileConfig {

    public static final String ENVIRONMENT = "digidEnvironment";
    public static final String METADATA_URL = "digidMetadataUrl";
    public static final String GENERATION = "digidGeneration";
    public static final String SERVICE_UUID = "digidServiceUuid";
    public static final String SERVICE_INDEX = "digidAttributeConsumingServiceIndex";
    public static final String ACS_INDEX = "digidAssertionConsumerServiceIndex";
    public static final String MINIMUM_LEVEL = "digidMinimumLevel";
    public static final String MACHTIGEN = "digidMachtigen";
    public static final String REQUEST_BINDING = "digidRequestBinding";

    public static final int DEFAULT_SERVICE_INDEX = 1;
    public static final int DEFAULT_ACS_INDEX = 0;

    public DigidConfig() {}

    public DigidConfig(IdentityProviderModel model) {
        super(model);
    }

    public Optional<DigidEnvironment> getEnvironment() {
        String value = ConfigValues.trimToNull(getConfig().get(ENVIRONMENT));
        return value == null ? Optional.of(DigidEnvironment.PREPRODUCTION) : DigidEnvironment.lookup(value);
    }

    @Override
    public Optional<String> getIdpMetadataUrl() {
        Optional<DigidEnvironment> environment = getEnvironment();
        if (environment.isPresent() && environment.get() != DigidEnvironment.CUSTOM) {
            return environment.get().presetMetadataUrl();
        }
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(METADATA_URL)));
    }

    public DigidGeneration getGeneration() {
        return DigidGeneration.fromConfig(getConfig().get(GENERATION));
    }

    public Optional<String> getServiceUuid() {
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(SERVICE_UUID)));
    }

    public int getServiceIndex() {
        return intSetting(SERVICE_INDEX, DEFAULT_SERVICE_INDEX);
    }

    /** The HTTP-Artifact AssertionConsumerService's index in the SP metadata (4.x names the ACS by index only). */
    public int getAcsIndex() {
        return intSetting(ACS_INDEX, DEFAULT_ACS_INDEX);
    }

    public DigidLevel getMinimumDigidLevel() {
        return DigidLevel.parseSetting(getConfig().get(MINIMUM_LEVEL)).orElse(DigidLevel.MIDDEN);
    }

    public boolean isMachtigenOffered() {
        return Boolean.parseBoolean(getConfig().get(MACHTIGEN));
    }

    @Override
    public boolean isArtifactBindingResponse() {
        return true;
    }

    @Override
    public boolean isPostBindingResponse() {
        return false;
    }

    /** DigiD signs the assertion and never encrypts it (ST-SAML: EncryptedAssertion MUST NOT be present). */
    @Override
    public boolean isWantAssertionsEncrypted() {
        return false;
    }

    @Override
    public boolean isWantAssertionsSigned() {
        return true;
    }

    /** The SP metadata Logius registers is signed. */
    @Override
    public boolean isSignSpMetadata() {
        return true;
    }

    /** Keycloak's index setting is reused for the ServiceUUID's AttributeConsumingService (4.x names it by index). */
    @Override
    public Integer getAttributeConsumingServiceIndex() {
        return getGeneration() == DigidGeneration.V4 ? getServiceIndex() : null;
    }

    @Override
    protected Optional<IdpEndpoints> presetEndpoints() {
        return Optional.empty();
    }

    /** 4.x: POST only; 3.x: POST (default) or Redirect with a query signature. */
    @Override
    protected String requestBinding() {
        return getGeneration() == DigidGeneration.V4 ? "POST" : getConfig().get(REQUEST_BINDING);
    }

    @Override
    protected String requestSignatureAlgorithm() {
        return "RSA_SHA256";
    }

    @Override
    protected boolean keyInfoExtension() {
        return false;
    }

    @Override
    protected void checkProfile(SettingsReader settings) {
        settings.choice(
                ENVIRONMENT,
                DigidEnvironment.PREPRODUCTION,
                SettingsReader.options(
                        List.of("preproduction", "production", "custom"),
                        List.of(DigidEnvironment.PREPRODUCTION, DigidEnvironment.PRODUCTION, DigidEnvironment.CUSTOM)));
        checkFetchedUrl(settings, METADATA_URL);
        if (!DigidGeneration.isKnown(settings.raw(GENERATION))) {
            settings.problem(GENERATION, "must be 3 (DigiD SAML 3.x) or 4 (4.x / Stelsel Toegang)");
        }
        DigidGeneration generation = getGeneration();
        String uuid = settings.text(SERVICE_UUID, 36);
        if (uuid != null && !isUuid(uuid)) {
            settings.problem(SERVICE_UUID, "is not a UUID");
        }
        if (uuid == null && generation == DigidGeneration.V4) {
            settings.problem(SERVICE_UUID, "is required for DigiD 4.x");
        }
        settings.number(SERVICE_INDEX, 0, 9999);
        settings.number(ACS_INDEX, 0, 9999);
        if (settings.isSet(MINIMUM_LEVEL)
                && DigidLevel.parseSetting(settings.raw(MINIMUM_LEVEL)).isEmpty()) {
            settings.problem(
                    MINIMUM_LEVEL, "is not a level (STORK-QAA-Level-1 … 4, or basis, midden, substantieel, hoog)");
        }
        settings.bool(MACHTIGEN, false);
        settings.choice(
                REQUEST_BINDING,
                "POST",
                SettingsReader.options(List.of("POST", "REDIRECT"), List.of("POST", "REDIRECT")));
    }

    /** The metadata URL's presence and scheme depend on the environment and the realm's SSL setting. */
    @Override
    public void validate(RealmModel realm) {
        List<String> problems = new ArrayList<>();
        if (getEnvironment().filter(e -> e == DigidEnvironment.CUSTOM).isPresent()) {
            Optional<String> url = getIdpMetadataUrl();
            if (url.isEmpty()) {
                problems.add(METADATA_URL + " is required for a custom environment");
            } else if (realm.getSslRequired() == SslRequired.ALL && !url.get().startsWith("https://")) {
                problems.add(METADATA_URL + " must be an https URL");
            }
        }
        refuseIfInvalid("DigiD", problems);
    }

    private int intSetting(String key, int fallback) {
        String value = ConfigValues.trimToNull(getConfig().get(key));
        return value != null && value.matches("[0-9]{1,4}") ? Integer.parseInt(value) : fallback;
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
