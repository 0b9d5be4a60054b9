package dev.govid.keycloak.digid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.govid.keycloak.claims.GovIdClaimsMapper;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.login.KeptData;
import dev.govid.keycloak.login.LoginDataConsumer;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * Puts what DigiD proved in this login into tokens: one {@code digid} object with the acting person's BSN, the
 * level, the specification generation and the ServiceUUID. A DigiD Machtigen login's represented person is the
 * {@code represents}/{@code mandate} claims of the mandate model, with the BSN as {@code sub_id_type}.
 */
public class DigidClaimsMapper extends GovIdClaimsMapper implements LoginDataConsumer {

    public static final String PROVIDER_ID = "govid-digid-claims";
    /** The attributes a DigiD login carries ({@link DigidLoginReader}); the BSN and level are always kept. */
    private static final KeptData NEEDED =
            KeptData.attributes(List.of(DigidLoginReader.GENERATION, DigidLoginReader.SERVICE_UUID));

    public DigidClaimsMapper() {
        super(
                PROVIDER_ID,
                "DigiD claims",
                "Adds the BSN, the DigiD level, the specification generation and the ServiceUUID of the current DigiD login.",
                List.of());
    }

    /** The whole object, whatever the configuration: it has no attribute choice (a DigiD login has two attributes). */
    @Override
    public KeptData loginDataNeeded(ProtocolMapperModel model) {
        return NEEDED;
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        EidLoginNote.forClient(session, clientSessionCtx.getClientSession())
                .filter(login -> DigidIdentityProviderFactory.PROVIDER_ID.equals(login.system()))
                .ifPresent(login -> token.getOtherClaims().put("digid", digidClaim(login)));
    }

    static Map<String, Object> digidClaim(EidLogin login) {
        Map<String, Object> claim = new LinkedHashMap<>();
        if (login.personKey() != null) {
            claim.put("bsn", login.personKey().value());
            claim.put("bsn_type", login.personKey().type());
        }
        claim.put("level", DigidLevel.of(login.level()).settingName());
        claim.putAll(login.attributes());
        return claim;
    }
}
