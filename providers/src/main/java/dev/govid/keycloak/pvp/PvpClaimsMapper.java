package dev.govid.keycloak.pvp;

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
import org.keycloak.representations.IDToken;

/**
 * Puts what ID Austria asserted in this login into tokens: one {@code pvp} object with the bPK and its sector,
 * the level, the PVP version, every received (non-mandate) attribute under its claim name, and the standard
 * {@code birthdate}. Mandates are the {@code represents}/{@code mandate} claims of the mandate package.
 */
public class PvpClaimsMapper extends GovIdClaimsMapper implements LoginDataConsumer {

    public static final String PROVIDER_ID = "govid-pvp-claims";
    /** Which received attributes the object carries: {@code *} (default) for all, else a list of claim names, or {@code none}. */
    public static final String ATTRIBUTES = "pvp.attributes";
    /** {@code false} leaves out the standard {@code birthdate} claim. */
    public static final String BIRTHDATE = "pvp.birthdate";

    public PvpClaimsMapper() {
        super(
                PROVIDER_ID,
                "ID Austria / PVP claims",
                "Adds the bPK with its sector, the level, the PVP version and the attributes of the current ID Austria login.",
                ProviderConfigurationBuilder.create()
                        .property()
                        .name(ATTRIBUTES)
                        .label("Attributes")
                        .helpText(
                                "Which received attributes the pvp object carries: * for all, a list of claim names (e.g. email##source_pin), "
                                        + "or none. GovID keeps in the session only what some mapper of the client needs.")
                        .type(ProviderConfigProperty.STRING_TYPE)
                        .defaultValue(MappedAttributes.ALL)
                        .add()
                        .property()
                        .name(BIRTHDATE)
                        .label("Add birthdate claim")
                        .helpText("Also emit the OIDC standard claim birthdate.")
                        .type(ProviderConfigProperty.BOOLEAN_TYPE)
                        .defaultValue("true")
                        .add()
                        .build());
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
        KeptData object = MappedAttributes.of(model.getConfig().get(ATTRIBUTES)).needed();
        return addsBirthdate(model) ? object.and(new KeptData(true, false, Set.of(), false, false)) : object;
    }

    private static boolean addsBirthdate(ProtocolMapperModel model) {
        return !"false".equalsIgnoreCase(model.getConfig().get(BIRTHDATE));
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        EidLoginNote.forClient(session, clientSessionCtx.getClientSession())
                .filter(login -> PvpIdentityProviderFactory.PROVIDER_ID.equals(login.system()))
                .ifPresent(login -> {
                    token.getOtherClaims()
                            .put(
                                    "pvp",
                                    pvpClaim(
                                            login,
                                            MappedAttributes.of(
                                                    model.getConfig().get(ATTRIBUTES))));
                    if (addsBirthdate(model)) {
                        Optional.ofNullable(login.birthdate()).ifPresent(token::setBirthdate);
                    }
                });
    }

    static Map<String, Object> pvpClaim(EidLogin login) {
        return pvpClaim(login, MappedAttributes.every());
    }

    static Map<String, Object> pvpClaim(EidLogin login, MappedAttributes mapped) {
        Map<String, Object> claim = new LinkedHashMap<>();
        EidLogin.PersonKey bpk = login.personKey();
        if (bpk != null) {
            claim.put("bpk", bpk.qualified());
            claim.put("bpk_sector", bpk.sector());
            claim.put("bpk_type", bpk.type());
        }
        claim.put("level", login.level().storkName());
        if (login.testIdentity()) {
            claim.put("test_identity", Boolean.TRUE);
        }
        claim.putAll(mapped.of(login));
        return claim;
    }
}
