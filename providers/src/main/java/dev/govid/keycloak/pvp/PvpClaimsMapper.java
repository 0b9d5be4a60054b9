package dev.govid.keycloak.pvp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.govid.keycloak.claims.GovIdClaimsMapper;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * Puts what ID Austria asserted in this login into tokens: one {@code pvp} object with the bPK and its sector,
 * the level, the PVP version, every received (non-mandate) attribute under its claim name, and the standard
 * {@code birthdate}. Mandates are the {@code represents}/{@code mandate} claims of the mandate room.
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
        if (userSession.getNote(PvpSessionNotes.LEVEL) == null) {
            return;
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        PvpSessionNotes.attribute(userSession, PvpAttribute.BPK).flatMap(Bpk::parse).ifPresent(bpk -> {
            claim.put("bpk", bpk.toString());
            claim.put("bpk_sector", bpk.sector());
            claim.put("bpk_type", bpk.identifierType());
        });
        claim.put("level", userSession.getNote(PvpSessionNotes.LEVEL));
        if ("true".equals(userSession.getNote(PvpSessionNotes.TEST_IDENTITY))) {
            claim.put("test_identity", Boolean.TRUE);
        }
        for (PvpAttribute attribute : PvpAttribute.values()) {
            if (attribute != PvpAttribute.BPK && !attribute.isMandateAttribute()) {
                PvpSessionNotes.attribute(userSession, attribute).ifPresent(v -> claim.put(attribute.claimName(), v));
            }
        }
        token.getOtherClaims().put("pvp", claim);
        PvpSessionNotes.attribute(userSession, PvpAttribute.BIRTHDATE).ifPresent(token::setBirthdate);
    }
}
