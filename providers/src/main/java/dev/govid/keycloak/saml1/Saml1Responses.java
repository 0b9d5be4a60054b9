package dev.govid.keycloak.saml1;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Turns GetAuthenticationData outcomes into the SOAP bodies MOA-ID clients expect. */
final class Saml1Responses {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Saml1Responses() {
    }

    static String success(KeycloakSession session, RealmModel realm, ClientModel client, MoaSaml1ClientSettings settings,
                          AuthenticationDataRequest request, AuthenticationData data, MapperOutput mappers) {
        var response = new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM)
                .successResponse(request.requestId(), data, settings.flags(), mappers.added());
        omit(response, mappers.omitted());
        if (settings.flags().signAssertion()) {
            KeyManager.ActiveRsaKey key = session.keys().getActiveRsaKey(realm);
            new Saml1Signer(key.getPrivateKey(), key.getCertificate()).signAssertion(response);
        }
        return Saml1Xml.toXmlString(response);
    }


    /** Leaves out what the client's omit mappers name; done before signing, so the signature covers the result. */
    private static void omit(org.w3c.dom.Document response, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        org.w3c.dom.NodeList attributes = response.getElementsByTagNameNS(Saml1Xml.SAML_NS, "Attribute");
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            org.w3c.dom.Element attribute = (org.w3c.dom.Element) attributes.item(i);
            if (names.contains(attribute.getAttribute("AttributeName"))) {
                attribute.getParentNode().removeChild(attribute);
            }
        }
    }

    static String error(KeycloakSession session, AuthenticationDataRequest request, MoaStatus status) {
        return Saml1Xml.toXmlString(new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM)
                .errorResponse(request.requestId(), request.minorVersion(), status));
    }

    static String soapFault(boolean clientFault, String reason) {
        return Saml1Xml.toXmlString(SoapFaultBuilder.fault(clientFault ? SoapFaultBuilder.FaultCode.CLIENT : SoapFaultBuilder.FaultCode.SERVER, reason));
    }
}
