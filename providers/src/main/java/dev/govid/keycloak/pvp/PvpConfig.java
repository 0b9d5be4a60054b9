package dev.govid.keycloak.pvp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.saml.AlgorithmPolicy;
import dev.govid.keycloak.saml.ConfigValues;
import dev.govid.keycloak.saml.EidProfileConfig;
import dev.govid.keycloak.saml.IdpEndpoints;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * The ID Austria / PVP2 S-Profil settings: only what differs per installation (IdP metadata URL, sector,
 * requested attributes, level vocabulary and minimum, test connection); the rest is fixed by
 * {@link EidProfileConfig}. The IdP's endpoints come from its metadata, as ID Austria publishes them there.
 */
public class PvpConfig extends EidProfileConfig {

    public static final String METADATA_URL = "pvpMetadataUrl";
    public static final String SECTOR = "pvpSector";
    public static final String REQUIRED_ATTRIBUTES = "pvpRequiredAttributes";
    public static final String OPTIONAL_ATTRIBUTES = "pvpOptionalAttributes";
    public static final String LOA_VOCABULARY = "pvpLoaVocabulary";
    public static final String MINIMUM_LEVEL = "pvpMinimumLevel";
    public static final String TEST_CONNECTION = "pvpTestConnection";
    public static final String REQUEST_BINDING = "pvpRequestBinding";
    public static final String REQUEST_SIGNATURE_ALGORITHM = "pvpRequestSignatureAlgorithm";
    public static final String ALLOW_AES_CBC = "pvpAllowAesCbc";
    public static final String ACCEPTED_VERSIONS = "pvpAcceptedVersions";
    public static final String REQUESTED_ATTRIBUTES_EXTENSION = "pvpRequestedAttributesExtension";

    public static final String DEFAULT_SECTOR = "BF";
    public static final String DEFAULT_REQUIRED_ATTRIBUTES = "GIVEN-NAME##PRINCIPAL-NAME##BIRTHDATE";
    public static final String DEFAULT_OPTIONAL_ATTRIBUTES = "MAIL";

    public PvpConfig() {}

    public PvpConfig(IdentityProviderModel model) {
        super(model);
    }

    @Override
    public Optional<String> getIdpMetadataUrl() {
        return Optional.ofNullable(ConfigValues.trimToNull(getConfig().get(METADATA_URL)));
    }

    /** The sector the bPKs must belong to: a public-sector code ({@code BF}) or a register number ({@code XFN+468924i}). */
    public String getSector() {
        String sector = ConfigValues.trimToNull(getConfig().get(SECTOR));
        return sector == null ? DEFAULT_SECTOR : sector;
    }

    public LoaVocabulary getLoaVocabulary() {
        return LoaVocabulary.fromConfig(getConfig().get(LOA_VOCABULARY));
    }

    public AssuranceLevel getMinimumLevel() {
        return AssuranceLevel.parse(getConfig().get(MINIMUM_LEVEL)).orElse(AssuranceLevel.SUBSTANTIAL);
    }

    /**
     * AES-GCM only, unless the admin switched AES-CBC on: PVP 2.1 IdPs that predate xmlenc 1.1 still encrypt
     * with AES-CBC. BundID has no such switch.
     */
    @Override
    public AlgorithmPolicy getAlgorithmPolicy() {
        return AlgorithmPolicy.withAesCbc(Boolean.parseBoolean(getConfig().get(ALLOW_AES_CBC)));
    }

    /** A test connection accepts ID Austria test identities; a production connection refuses them. */
    public boolean isTestConnection() {
        return Boolean.parseBoolean(getConfig().get(TEST_CONNECTION));
    }

    /**
     * Also list the requested attributes in the AuthnRequest ({@code eidas:RequestedAttributes}), for PVP IdPs that
     * read them there. Off by default: ID Austria documents only AttributeConsumingServiceIndex.
     */
    public boolean isRequestedAttributesExtension() {
        return Boolean.parseBoolean(getConfig().get(REQUESTED_ATTRIBUTES_EXTENSION));
    }

    /** The PVP-VERSION values a response may state (default 2.1 and 2.2); a response without one is refused. */
    public List<String> getAcceptedVersions() {
        List<String> configured = ConfigValues.list(getConfig().get(ACCEPTED_VERSIONS));
        return configured.isEmpty() ? PvpVersion.DEFAULT_ACCEPTED : configured;
    }

    /**
     * Requested attributes, attribute → required. The bPK is always required (it is the person key); the
     * level, version, sector, nation and identity-status attributes are always asked for because the
     * profile checks them. The level attribute follows the vocabulary: ID Austria states the level as an eIDAS URI in
     * EID-CITIZEN-QAA-EIDAS-LEVEL and never sends the STORK attribute of MOA-ID-era IdPs.
     */
    public Map<PvpAttribute, Boolean> getConfiguredAttributes() {
        Map<PvpAttribute, Boolean> requested = new LinkedHashMap<>();
        requested.put(PvpAttribute.BPK, Boolean.TRUE);
        requested.put(PvpAttribute.PVP_VERSION, Boolean.FALSE);
        requested.put(
                getLoaVocabulary() == LoaVocabulary.EIDAS
                        ? PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL
                        : PvpAttribute.EID_CITIZEN_QAA_LEVEL,
                Boolean.FALSE);
        requested.put(PvpAttribute.EID_SECTOR_FOR_IDENTIFIER, Boolean.FALSE);
        requested.put(PvpAttribute.EID_ISSUING_NATION, Boolean.FALSE);
        requested.put(PvpAttribute.EID_IDENTITY_STATUS_LEVEL, Boolean.FALSE);
        for (String name :
                ConfigValues.list(getConfig().getOrDefault(REQUIRED_ATTRIBUTES, DEFAULT_REQUIRED_ATTRIBUTES))) {
            PvpAttribute.lookup(name)
                    .filter(a -> !a.isMandateAttribute())
                    .ifPresent(a -> requested.put(a, Boolean.TRUE));
        }
        for (String name :
                ConfigValues.list(getConfig().getOrDefault(OPTIONAL_ATTRIBUTES, DEFAULT_OPTIONAL_ATTRIBUTES))) {
            PvpAttribute.lookup(name)
                    .filter(a -> !a.isMandateAttribute())
                    .ifPresent(a -> requested.putIfAbsent(a, Boolean.FALSE));
        }
        return requested;
    }

    @Override
    protected Optional<IdpEndpoints> presetEndpoints() {
        return Optional.empty();
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
        return false;
    }

    /** PVP asks for persistent NameIDs; the person key is still the bPK, never the NameID. */
    @Override
    public String getNameIDPolicyFormat() {
        return JBossSAMLURIConstants.NAMEID_FORMAT_PERSISTENT.get();
    }

    /**
     * Signed SP metadata: ID Austria takes the metadata at registration, and a signature lets it check that the file
     * came from this SP unaltered (BundID, unlike PVP, refuses metadata with an {@code ID}, so the base says no).
     */
    @Override
    public boolean isSignSpMetadata() {
        return true;
    }

    @Override
    protected void checkProfile(SettingsReader settings) {
        checkFetchedUrl(settings, METADATA_URL);
        for (String key : List.of(REQUIRED_ATTRIBUTES, OPTIONAL_ATTRIBUTES)) {
            settings.list(
                    key,
                    name -> PvpAttribute.lookup(name)
                                    .filter(a -> !a.isMandateAttribute())
                                    .isPresent()
                            ? null
                            : "lists an attribute that is not a PVP person attribute (use the names the admin console offers, e.g. GIVEN-NAME, MAIL)");
        }
        settings.choice(
                LOA_VOCABULARY,
                LoaVocabulary.EIDAS,
                SettingsReader.options(
                        List.of("eidas", "secclass", "stork"),
                        List.of(LoaVocabulary.EIDAS, LoaVocabulary.SECCLASS, LoaVocabulary.STORK)));
        if (settings.isSet(MINIMUM_LEVEL)
                && AssuranceLevel.parse(settings.raw(MINIMUM_LEVEL)).isEmpty()) {
            settings.problem(MINIMUM_LEVEL, "is not a level (STORK-QAA-Level-1 … 4)");
        }
        settings.bool(TEST_CONNECTION, false);
        settings.bool(ALLOW_AES_CBC, false);
        settings.bool(REQUESTED_ATTRIBUTES_EXTENSION, false);
        settings.list(
                ACCEPTED_VERSIONS,
                version -> PvpVersion.isVersion(version)
                        ? null
                        : "lists something that is not a PVP version number (e.g. 2.1, 2.2)");
        checkRequestOptions(settings, REQUEST_BINDING, REQUEST_SIGNATURE_ALGORITHM);
    }

    @Override
    public void validate(RealmModel realm) {
        List<String> problems = new ArrayList<>();
        Optional<String> url = getIdpMetadataUrl();
        if (url.isEmpty()) {
            problems.add(METADATA_URL + " is required");
        } else if (realm.getSslRequired() == SslRequired.ALL && !url.get().startsWith("https://")) {
            problems.add(METADATA_URL + " must be an https URL");
        }
        String sector = getSector();
        if (!sector.matches("(urn:publicid:gv\\.at:(cdid|wbpk)\\+)?[A-Za-z0-9+\\-]{1,40}")) {
            problems.add(SECTOR + " is not a sector code (e.g. BF, urn:publicid:gv.at:cdid+BF, XFN+468924i)");
        }
        refuseIfInvalid("ID Austria", problems);
    }
}
