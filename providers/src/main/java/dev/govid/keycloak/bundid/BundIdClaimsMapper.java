package dev.govid.keycloak.bundid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.claims.GovIdClaimsMapper;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AddressClaimSet;
import org.keycloak.representations.IDToken;

/**
 * Puts what BundID asserted in this login into tokens: one {@code bundid} object (person key, level,
 * method, every received attribute under its claim name and its trust level) and, optionally, the OIDC
 * standard claims {@code birthdate} and {@code address}. Claim names are documented in docs/claims.md.
 */
public class BundIdClaimsMapper extends GovIdClaimsMapper {

    public static final String PROVIDER_ID = "govid-bundid-claims";
    public static final String CLAIM = "bundid.claim";
    public static final String STANDARD_CLAIMS = "bundid.standard.claims";
    public static final String DEFAULT_CLAIM = "bundid";

    public BundIdClaimsMapper() {
        super(PROVIDER_ID, "BundID claims",
                "Adds the BundID person key, level, login method, attributes and trust levels of the current login.",
                ProviderConfigurationBuilder.create()
                        .property().name(CLAIM).label("Claim name")
                        .helpText("Name of the object claim holding the BundID data of this login.")
                        .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_CLAIM).add()
                        .property().name(STANDARD_CLAIMS).label("Add OIDC standard claims")
                        .helpText("Also emit birthdate and address (street_address, postal_code, locality, country) as standard OIDC claims.")
                        .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
                        .build());
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        if (userSession.getNote(BundIdSessionNotes.LEVEL) == null) {
            return;
        }
        token.getOtherClaims().put(claimName(model), bundIdClaim(userSession));
        if (!"false".equalsIgnoreCase(model.getConfig().get(STANDARD_CLAIMS))) {
            addStandardClaims(token, userSession);
        }
    }

    static Map<String, Object> bundIdClaim(UserSessionModel userSession) {
        Map<String, Object> claim = new LinkedHashMap<>();
        Optional.ofNullable(userSession.getNote(BundIdSessionNotes.PERSON_KEY)).ifPresent(v -> claim.put("bpk2", v));
        claim.put("level", userSession.getNote(BundIdSessionNotes.LEVEL));
        Optional.ofNullable(userSession.getNote(BundIdSessionNotes.METHOD)).ifPresent(v -> claim.put("method", v));
        if ("true".equals(userSession.getNote(BundIdSessionNotes.TEMPORARY))) {
            claim.put("temporary", Boolean.TRUE);
        }
        Map<String, String> trustLevels = new LinkedHashMap<>();
        for (BundIdAttribute attribute : BundIdAttribute.values()) {
            if (attribute == BundIdAttribute.BPK2) {
                BundIdSessionNotes.trustLevel(userSession, attribute).ifPresent(t -> trustLevels.put(attribute.claimName(), t));
                continue;
            }
            BundIdSessionNotes.attribute(userSession, attribute).ifPresent(value -> claim.put(attribute.claimName(), value));
            BundIdSessionNotes.trustLevel(userSession, attribute).ifPresent(t -> trustLevels.put(attribute.claimName(), t));
        }
        if (!trustLevels.isEmpty()) {
            claim.put("trust_levels", trustLevels);
        }
        return claim;
    }

    private static void addStandardClaims(IDToken token, UserSessionModel userSession) {
        BundIdSessionNotes.attribute(userSession, BundIdAttribute.BIRTHDATE).ifPresent(token::setBirthdate);
        Optional<String> street = BundIdSessionNotes.attribute(userSession, BundIdAttribute.POSTAL_ADDRESS);
        Optional<String> postalCode = BundIdSessionNotes.attribute(userSession, BundIdAttribute.POSTAL_CODE);
        Optional<String> locality = BundIdSessionNotes.attribute(userSession, BundIdAttribute.LOCALITY_NAME);
        Optional<String> country = BundIdSessionNotes.attribute(userSession, BundIdAttribute.COUNTRY);
        if (street.isPresent() || postalCode.isPresent() || locality.isPresent() || country.isPresent()) {
            AddressClaimSet address = new AddressClaimSet();
            street.ifPresent(address::setStreetAddress);
            postalCode.ifPresent(address::setPostalCode);
            locality.ifPresent(address::setLocality);
            country.ifPresent(address::setCountry);
            token.setAddress(address);
        }
    }

    private static String claimName(ProtocolMapperModel model) {
        String name = model.getConfig().get(CLAIM);
        return name == null || name.isBlank() ? DEFAULT_CLAIM : name.trim();
    }
}
