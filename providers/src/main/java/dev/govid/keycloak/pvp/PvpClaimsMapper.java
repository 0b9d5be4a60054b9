package dev.govid.keycloak.pvp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.claims.GovIdClaimsMapper;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * Puts what ID Austria asserted in this login into tokens: one {@code pvp} object with the bPK and its sector,
 * the level, the PVP version, every received (non-mandate) attribute under its claim name, and the standard
 * {@code birthdate}. Mandates are the {@code represents}/{@code mandate} claims of the mandate package.
 */
public class PvpClaimsMapper extends GovIdClaimsMapper {

    public static final String PROVIDER_ID = "govid-pvp-claims";

    public PvpClaimsMapper() {
        super(PROVIDER_ID, "ID Austria / PVP claims",
                "Adds the bPK with its sector, the level, the PVP version and the attributes of the current ID Austria login.",
                List.of());
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        EidLoginNote.forClient(session, clientSessionCtx.getClientSession())
                .filter(login -> PvpIdentityProviderFactory.PROVIDER_ID.equals(login.system()))
                .ifPresent(login -> {
                    token.getOtherClaims().put("pvp", pvpClaim(login));
                    Optional.ofNullable(login.birthdate()).ifPresent(token::setBirthdate);
                });
    }

    static Map<String, Object> pvpClaim(EidLogin login) {
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
        claim.putAll(login.attributes());
        return claim;
    }
}
