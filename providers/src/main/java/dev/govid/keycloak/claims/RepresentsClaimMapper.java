package dev.govid.keycloak.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.login.KeptData;
import dev.govid.keycloak.login.LoginDataConsumer;
import dev.govid.keycloak.mandate.Mandate;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;

/**
 * Emits a mandate login the way the Dutch government OIDC profile does: the acting person stays {@code sub},
 * the represented party is {@code represents} ({@code sub}, {@code sub_id_type}, {@code name}); the national
 * detail (type, OIDs, reference value, professional representative, validity) goes into {@code mandate}.
 * Deliberately not RFC 8693 {@code act}, so clients cannot confuse who acted.
 */
public class RepresentsClaimMapper extends GovIdClaimsMapper implements LoginDataConsumer {

    public static final String PROVIDER_ID = "govid-represents";
    public static final String INCLUDE_FULL_MANDATE = "mandate.full";

    public RepresentsClaimMapper() {
        super(
                PROVIDER_ID,
                "GovID represents / mandate",
                "For logins on behalf of someone: the represented party as 'represents' and the mandate detail as 'mandate'.",
                ProviderConfigurationBuilder.create()
                        .property()
                        .name(INCLUDE_FULL_MANDATE)
                        .label("Include the full mandate document")
                        .helpText(
                                "Adds mandate.full_mandate (the base64 md:Mandate XML as delivered) when the eID system sent it.")
                        .type(ProviderConfigProperty.BOOLEAN_TYPE)
                        .defaultValue("false")
                        .add()
                        .build());
    }

    @Override
    public KeptData loginDataNeeded(ProtocolMapperModel model) {
        return new KeptData(
                false,
                false,
                Set.of(),
                true,
                Boolean.parseBoolean(model.getConfig().get(INCLUDE_FULL_MANDATE)));
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        EidLoginNote.forClient(session, clientSessionCtx.getClientSession())
                .flatMap(EidLogin::optionalMandate)
                .ifPresent(mandate -> {
                    token.getOtherClaims().put("represents", represents(mandate));
                    token.getOtherClaims()
                            .put(
                                    "mandate",
                                    mandateClaim(
                                            mandate,
                                            Boolean.parseBoolean(
                                                    model.getConfig().get(INCLUDE_FULL_MANDATE))));
                });
    }

    static Map<String, Object> represents(Mandate mandate) {
        Map<String, Object> claim = new LinkedHashMap<>();
        Mandate.Mandator mandator = mandate.mandator();
        putIfPresent(claim, "sub", mandator.identifier());
        putIfPresent(claim, "sub_id_type", mandator.identifierType());
        putIfPresent(claim, "name", mandator.displayName());
        return claim;
    }

    static Map<String, Object> mandateClaim(Mandate mandate, boolean includeFullMandate) {
        Map<String, Object> claim = new LinkedHashMap<>();
        putIfPresent(claim, "source", mandate.source());
        putIfPresent(claim, "type", mandate.type());
        putIfPresent(claim, "type_oid", mandate.typeOid());
        putIfPresent(claim, "reference_value", mandate.referenceValue());
        Mandate.Mandator m = mandate.mandator();
        Map<String, Object> mandator = new LinkedHashMap<>();
        mandator.put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
        putIfPresent(mandator, "given_name", m.givenName());
        putIfPresent(mandator, "family_name", m.familyName());
        putIfPresent(
                mandator,
                "birthdate",
                Optional.ofNullable(m.birthdate()).map(Object::toString).orElse(null));
        putIfPresent(mandator, "full_name", m.fullName());
        putIfPresent(mandator, "identifier", m.identifier());
        putIfPresent(mandator, "identifier_type", m.identifierType());
        claim.put("mandator", mandator);
        if (mandate.professionalRepresentative() != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            putIfPresent(rep, "oid", mandate.professionalRepresentative().oid());
            putIfPresent(
                    rep, "description", mandate.professionalRepresentative().description());
            claim.put("professional_representative", rep);
        }
        putIfPresent(
                claim,
                "valid_from",
                Optional.ofNullable(mandate.validFrom()).map(Object::toString).orElse(null));
        putIfPresent(
                claim,
                "valid_to",
                Optional.ofNullable(mandate.validTo()).map(Object::toString).orElse(null));
        if (includeFullMandate) {
            putIfPresent(claim, "full_mandate", mandate.fullMandate());
        }
        return claim;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
