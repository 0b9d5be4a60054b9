package dev.govid.keycloak.saml1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.govid.keycloak.login.KeptData;
import dev.govid.keycloak.login.LoginDataConsumer;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.AbstractLoginProtocolFactory;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * Registers the MOA-ID SAML1 login protocol: clients of protocol {@code govid-moa-saml1} are MOA-ID online
 * applications, served at {@code /realms/{realm}/protocol/govid-moa-saml1/StartAuthentication} and
 * {@code …/GetAuthenticationData}, as the Keycloak CAS protocol extension serves CAS.
 */
public class MoaSaml1LoginProtocolFactory extends AbstractLoginProtocolFactory implements LoginDataConsumer {

    public static final String PROTOCOL_ID = "govid-moa-saml1";

    @Override
    public String getId() {
        return PROTOCOL_ID;
    }

    /**
     * MOA-ID's assertion: PersonData always carries the birthdate, MandateData the mandator's birthdate and bPK, bkuURL
     * the EID-CCS-URL; base ID, identity link, AuthBlock, signer certificate and the full mandate only where the
     * application's data switches are on.
     */
    @Override
    public KeptData loginDataNeeded(ClientModel client) {
        Saml1ClientFlags flags = MoaSaml1ClientSettings.of(client).flags();
        List<String> attributes = new ArrayList<>(List.of("ccs_url"));
        if (flags.transmitBaseId()) {
            attributes.add("source_pin");
        }
        if (flags.transmitIdentityLink()) {
            attributes.add("identity_link");
        }
        if (flags.transmitAuthBlock()) {
            attributes.add("auth_block");
        }
        if (flags.transmitSignerCertificate()) {
            attributes.add("signer_certificate");
        }
        return new KeptData(true, false, Set.copyOf(attributes), true, flags.transmitFullMandate());
    }

    @Override
    public LoginProtocol create(KeycloakSession session) {
        return new MoaSaml1LoginProtocol().setSession(session);
    }

    @Override
    public Object createProtocolEndpoint(KeycloakSession session, EventBuilder event) {
        return new MoaSaml1Endpoint(session, event);
    }

    @Override
    public Map<String, ProtocolMapperModel> getBuiltinMappers() {
        return Map.of();
    }

    @Override
    protected void createDefaultClientScopesImpl(RealmModel newRealm) {}

    @Override
    public void setupClientDefaults(ClientRepresentation rep, ClientModel newClient) {}

    @Override
    protected void addDefaults(ClientModel client) {}

    @Override
    public void addClientScopeDefaults(ClientScopeRepresentation clientScope) {}
}
