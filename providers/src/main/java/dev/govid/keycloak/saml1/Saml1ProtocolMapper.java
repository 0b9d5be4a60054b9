package dev.govid.keycloak.saml1;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.ProtocolMapper;

/** The lifecycle every SAML1 protocol mapper shares: stateless, one instance, protocol {@code govid-moa-saml1}. */
abstract class Saml1ProtocolMapper implements ProtocolMapper {

    @Override
    public String getProtocol() {
        return MoaSaml1LoginProtocolFactory.PROTOCOL_ID;
    }

    @Override
    public String getDisplayCategory() {
        return "SAML1 attribute";
    }

    @Override
    public ProtocolMapper create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
