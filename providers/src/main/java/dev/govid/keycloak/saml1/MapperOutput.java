package dev.govid.keycloak.saml1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * What the client's SAML1 protocol mappers decided at login time — attributes to add, attribute names to
 * leave out — carried with the artifact, since GetAuthenticationData runs without the user session.
 */
record MapperOutput(List<Saml1Attribute> added, List<String> omitted) {

    static MapperOutput of(ClientSessionContext context, UserSessionModel userSession) {
        List<Saml1Attribute> added = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        context.getProtocolMappersStream().forEach(model -> {
            if (Saml1AttributeMapper.ID.equals(model.getProtocolMapper())) {
                Saml1AttributeMapper.attributeFor(model, userSession).ifPresent(added::add);
            } else if (Saml1OmitAttributeMapper.ID.equals(model.getProtocolMapper())) {
                String name = model.getConfig().get(Saml1OmitAttributeMapper.NAME);
                if (name != null && !name.isBlank()) {
                    omitted.add(name.trim());
                }
            }
        });
        return new MapperOutput(added, omitted);
    }

    String toJson() {
        try {
            return JsonSerialization.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MapperOutput fromJson(String json) {
        if (json == null) {
            return new MapperOutput(List.of(), List.of());
        }
        try {
            return JsonSerialization.readValue(json, new TypeReference<MapperOutput>() { });
        } catch (IOException e) {
            throw new IllegalStateException("stored SAML1 mapper output is not readable", e);
        }
    }
}
