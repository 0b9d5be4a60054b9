package dev.govid.keycloak.login;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;

/**
 * A protocol mapper or login protocol that hands parts of an {@link EidLogin} to applications, and says which
 * optional parts it needs, so the session keeps only those ({@link ClientDataNeeds}). Consumers that do not
 * implement it get only what is always kept.
 */
public interface LoginDataConsumer {

    /** What a mapper with this configuration puts into tokens or assertions. */
    default KeptData loginDataNeeded(ProtocolMapperModel mapper) {
        return KeptData.NOTHING;
    }

    /** What the protocol itself hands to this client (e.g. SAML1's PersonData), besides its mappers. */
    default KeptData loginDataNeeded(ClientModel client) {
        return KeptData.NOTHING;
    }
}
