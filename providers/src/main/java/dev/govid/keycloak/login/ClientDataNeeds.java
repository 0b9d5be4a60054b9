package dev.govid.keycloak.login;

import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.ProtocolMapper;

/**
 * What one client needs of an eID login: the union of what its protocol mappers (its own and those of its
 * default and optional client scopes) and its login protocol say they need. Computed for the one client a login
 * or an SSO step is for, from Keycloak's cached client model: no scan of the realm's other clients.
 */
public final class ClientDataNeeds {

    private ClientDataNeeds() {}

    public static KeptData of(KeycloakSessionFactory factory, ClientModel client) {
        if (client == null) {
            return KeptData.NOTHING;
        }
        String protocol = client.getProtocol();
        Stream<ProtocolMapperModel> scopeMappers = Stream.of(true, false)
                .flatMap(defaultScopes -> client.getClientScopes(defaultScopes).values().stream())
                .flatMap(ClientScopeModel::getProtocolMappersStream);
        KeptData needed = Stream.concat(client.getProtocolMappersStream(), scopeMappers)
                .filter(mapper ->
                        protocol == null || mapper.getProtocol() == null || protocol.equals(mapper.getProtocol()))
                .map(mapper -> factory.getProviderFactory(ProtocolMapper.class, mapper.getProtocolMapper())
                                instanceof LoginDataConsumer consumer
                        ? consumer.loginDataNeeded(mapper)
                        : KeptData.NOTHING)
                .reduce(KeptData.NOTHING, KeptData::and);
        if (protocol != null
                && factory.getProviderFactory(LoginProtocol.class, protocol) instanceof LoginDataConsumer consumer) {
            needed = needed.and(consumer.loginDataNeeded(client));
        }
        return needed;
    }
}
