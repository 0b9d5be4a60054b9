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
                          AuthenticationDataRequest request, AuthenticationData data) {
        var response = new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM)
                .successResponse(request.requestId(), data, settings.flags(), List.of());
        if (settings.flags().signAssertion()) {
            KeyManager.ActiveRsaKey key = session.keys().getActiveRsaKey(realm);
            new Saml1Signer(key.getPrivateKey(), key.getCertificate()).signAssertion(response);
        }
        return Saml1Xml.toXmlString(response);
    }


    static String error(KeycloakSession session, AuthenticationDataRequest request, MoaStatus status) {
        return Saml1Xml.toXmlString(new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM)
                .errorResponse(request.requestId(), request.minorVersion(), status));
    }

    static String soapFault(boolean clientFault, String reason) {
        return Saml1Xml.toXmlString(SoapFaultBuilder.fault(clientFault ? SoapFaultBuilder.FaultCode.CLIENT : SoapFaultBuilder.FaultCode.SERVER, reason));
    }
}
