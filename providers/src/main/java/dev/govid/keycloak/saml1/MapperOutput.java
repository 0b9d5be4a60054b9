package dev.govid.keycloak.saml1;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;

/**
 * What the client's SAML1 protocol mappers decided at login time — attributes to add, attribute names to
 * leave out — applied when the assertion is built at the end of the login.
 */
record MapperOutput(List<Saml1Attribute> added, List<String> omitted) {

    static MapperOutput none() {
        return new MapperOutput(List.of(), List.of());
    }

    static MapperOutput of(KeycloakSession session, ClientSessionContext context) {
        List<Saml1Attribute> added = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        context.getProtocolMappersStream().forEach(model -> {
            if (Saml1AttributeMapper.ID.equals(model.getProtocolMapper())) {
                Saml1AttributeMapper.attributeFor(model, session, context.getClientSession())
                        .ifPresent(added::add);
            } else if (Saml1OmitAttributeMapper.ID.equals(model.getProtocolMapper())) {
                String name = model.getConfig().get(Saml1OmitAttributeMapper.NAME);
                if (name != null && !name.isBlank()) {
                    omitted.add(name.trim());
                }
            }
        });
        return new MapperOutput(added, omitted);
    }
}
