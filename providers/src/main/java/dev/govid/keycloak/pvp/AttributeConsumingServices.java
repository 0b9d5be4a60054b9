package dev.govid.keycloak.pvp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.LocalizedNameType;
import org.keycloak.dom.saml.v2.metadata.RequestedAttributeType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * How a PVP login asks for attributes the way ID Austria documents it: the SP metadata lists one
 * AttributeConsumingService per attribute set, and the AuthnRequest names the set by
 * {@code AttributeConsumingServiceIndex} (ID Austria's sample request uses index 0). Service 0 is a personal login,
 * service 1 the same attributes plus the mandate attributes, for a person who said they act on behalf of someone.
 * ID Austria fixes what it actually releases at registration (IDA-SPR); the metadata tells it which set is meant.
 */
final class AttributeConsumingServices {

    static final int PERSONAL = 0;
    static final int ON_BEHALF = 1;

    private AttributeConsumingServices() {}

    static int indexFor(boolean onBehalf) {
        return onBehalf ? ON_BEHALF : PERSONAL;
    }

    /**
     * Replaces whatever services the SP descriptor had (Keycloak writes one for its own attribute mappers, whose
     * requested attributes are kept in both sets) with the personal and the on-behalf service.
     */
    static void describe(SPSSODescriptorType sp, String serviceName, Map<PvpAttribute, Boolean> personal) {
        List<RequestedAttributeType> fromMappers = new ArrayList<>();
        for (AttributeConsumingServiceType existing : List.copyOf(sp.getAttributeConsumingService())) {
            fromMappers.addAll(existing.getRequestedAttribute());
            sp.removeAttributeConsumerService(existing);
        }
        AttributeConsumingServiceType self = service(PERSONAL, true, serviceName, serviceName);
        AttributeConsumingServiceType onBehalf =
                service(ON_BEHALF, false, serviceName + " (on behalf of someone)", serviceName + " (in Vertretung)");
        for (AttributeConsumingServiceType service : List.of(self, onBehalf)) {
            personal.forEach((attribute, required) -> add(service, attribute, required));
            fromMappers.stream()
                    .filter(requested -> service == onBehalf || !isMandateAttribute(requested))
                    .forEach(requested -> addIfAbsent(service, requested));
        }
        // Optional, as in the request: a login that comes back without a mandate gets the client's own refusal.
        PvpAttribute.mandateAttributes().forEach(attribute -> add(onBehalf, attribute, false));
        sp.addAttributeConsumerService(self);
        sp.addAttributeConsumerService(onBehalf);
    }

    private static boolean isMandateAttribute(RequestedAttributeType requested) {
        return PvpAttribute.mandateAttributes().stream().anyMatch(a -> a.uri().equals(requested.getName()));
    }

    private static AttributeConsumingServiceType service(int index, boolean isDefault, String english, String german) {
        AttributeConsumingServiceType service = new AttributeConsumingServiceType(index);
        service.setIsDefault(isDefault);
        service.addServiceName(name("en", english));
        service.addServiceName(name("de", german));
        return service;
    }

    private static LocalizedNameType name(String lang, String value) {
        LocalizedNameType name = new LocalizedNameType(lang);
        name.setValue(value);
        return name;
    }

    private static void add(AttributeConsumingServiceType service, PvpAttribute attribute, boolean required) {
        RequestedAttributeType requested = new RequestedAttributeType(attribute.uri());
        requested.setFriendlyName(attribute.friendlyName());
        requested.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
        requested.setIsRequired(required);
        addIfAbsent(service, requested);
    }

    private static void addIfAbsent(AttributeConsumingServiceType service, RequestedAttributeType requested) {
        if (service.getRequestedAttribute().stream().noneMatch(r -> r.getName().equals(requested.getName()))) {
            service.addRequestedAttribute(requested);
        }
    }
}
