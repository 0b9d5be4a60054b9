package dev.govid.keycloak.bundid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.govid.keycloak.claims.GovIdClaimsMapper;
import dev.govid.keycloak.claims.MappedAttributes;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.login.KeptData;
import dev.govid.keycloak.login.LoginDataConsumer;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AddressClaimSet;
import org.keycloak.representations.IDToken;

/**
 * Puts what BundID asserted in this login into tokens: one {@code bundid} object (person key, level,
 * method, every received attribute under its claim name and its trust level) and, optionally, the OIDC
 * standard claims {@code birthdate} and {@code address}. Claim names are documented in docs/claims.md.
 */
public class BundIdClaimsMapper extends GovIdClaimsMapper implements LoginDataConsumer {

    public static final String PROVIDER_ID = "govid-bundid-claims";
    public static final String CLAIM = "bundid.claim";
    public static final String STANDARD_CLAIMS = "bundid.standard.claims";
    public static final String DEFAULT_CLAIM = "bundid";
    /** Which received attributes the object carries: {@code *} (default) for all, else a list of claim names, or {@code none}. */
    public static final String ATTRIBUTES = "bundid.attributes";

    public BundIdClaimsMapper() {
        super(
                PROVIDER_ID,
                "BundID claims",
                "Adds the BundID person key, level, login method, attributes and trust levels of the current login.",
                ProviderConfigurationBuilder.create()
                        .property()
                        .name(CLAIM)
                        .label("Claim name")
                        .helpText("Name of the object claim holding the BundID data of this login.")
                        .type(ProviderConfigProperty.STRING_TYPE)
                        .defaultValue(DEFAULT_CLAIM)
                        .add()
                        .property()
                        .name(STANDARD_CLAIMS)
                        .label("Add OIDC standard claims")
                        .helpText(
                                "Also emit birthdate and address (street_address, postal_code, locality, country) as standard OIDC claims.")
                        .type(ProviderConfigProperty.BOOLEAN_TYPE)
                        .defaultValue("true")
                        .add()
                        .property()
                        .name(ATTRIBUTES)
                        .label("Attributes")
                        .helpText(
                                "Which received attributes the object carries: * for all, a list of claim names (e.g. email##community_id), "
                                        + "or none. GovID keeps in the session only what some mapper of the client needs.")
                        .type(ProviderConfigProperty.STRING_TYPE)
                        .defaultValue(MappedAttributes.ALL)
                        .add()
                        .build());
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        EidLoginNote.forClient(session, clientSessionCtx.getClientSession())
                .filter(login -> BundIdIdentityProviderFactory.PROVIDER_ID.equals(login.system()))
                .ifPresent(login -> {
                    token.getOtherClaims()
                            .put(
                                    claimName(model),
                                    bundIdClaim(
                                            login,
                                            MappedAttributes.of(
                                                    model.getConfig().get(ATTRIBUTES))));
                    if (!"false".equalsIgnoreCase(model.getConfig().get(STANDARD_CLAIMS))) {
                        addStandardClaims(token, login);
                    }
                });
    }

    /** A list that is not claim names is refused when the mapper is saved (admin REST, console, realm import). */
    @Override
    public void validateConfig(
            KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client, ProtocolMapperModel model)
            throws ProtocolMapperConfigException {
        MappedAttributes.validate(model, ATTRIBUTES);
    }

    @Override
    public KeptData loginDataNeeded(ProtocolMapperModel model) {
        boolean standardClaims = !"false".equalsIgnoreCase(model.getConfig().get(STANDARD_CLAIMS));
        KeptData object = MappedAttributes.of(model.getConfig().get(ATTRIBUTES)).needed();
        return standardClaims ? object.and(new KeptData(true, true, Set.of(), false, false)) : object;
    }

    static Map<String, Object> bundIdClaim(EidLogin login) {
        return bundIdClaim(login, MappedAttributes.every());
    }

    static Map<String, Object> bundIdClaim(EidLogin login, MappedAttributes mapped) {
        Map<String, Object> claim = new LinkedHashMap<>();
        if (login.personKey() != null) {
            claim.put("bpk2", login.personKey().value());
        }
        claim.put("level", login.level().storkName());
        Optional.ofNullable(login.method()).ifPresent(v -> claim.put("method", v));
        if (login.temporary()) {
            claim.put("temporary", Boolean.TRUE);
        }
        claim.putAll(mapped.of(login));
        if (!login.trustLevels().isEmpty()) {
            claim.put("trust_levels", login.trustLevels());
        }
        return claim;
    }

    private static void addStandardClaims(IDToken token, EidLogin login) {
        Optional.ofNullable(login.birthdate()).ifPresent(token::setBirthdate);
        EidLogin.Address proven = login.address();
        if (proven != null && !proven.isEmpty()) {
            AddressClaimSet address = new AddressClaimSet();
            address.setStreetAddress(proven.streetAddress());
            address.setPostalCode(proven.postalCode());
            address.setLocality(proven.locality());
            address.setCountry(proven.country());
            token.setAddress(address);
        }
    }

    private static String claimName(ProtocolMapperModel model) {
        String name = model.getConfig().get(CLAIM);
        return name == null || name.isBlank() ? DEFAULT_CLAIM : name.trim();
    }
}
