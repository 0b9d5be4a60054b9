package dev.govid.keycloak.saml1;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Turns GetAuthenticationData outcomes into the SOAP bodies MOA-ID clients expect. */
final class Saml1Responses {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Saml1Responses() {}

    /**
     * The assertion as it will be delivered: built from the login's data, trimmed by the omit mappers and signed
     * with the realm key. Done once at login, as MOA-ID did, so resolving the artifact only wraps it (and the
     * assertion states when the person authenticated, not when the application fetched it).
     */
    static String signedAssertion(
            KeycloakSession session,
            RealmModel realm,
            MoaSaml1ClientSettings settings,
            AuthenticationData data,
            MapperOutput mappers) {
        Saml1Signer signer = null;
        if (settings.flags().signAssertion()) {
            KeyManager.ActiveRsaKey key = session.keys().getActiveRsaKey(realm);
            signer = new Saml1Signer(key.getPrivateKey(), key.getCertificate());
        }
        return assertionXml(
                new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM), data, settings.flags(), mappers, signer);
    }

    /** @param signer null for an unsigned assertion */
    static String assertionXml(
            Saml1AssertionBuilder builder,
            AuthenticationData data,
            Saml1ClientFlags flags,
            MapperOutput mappers,
            Saml1Signer signer) {
        var built = builder.successResponse(null, data, flags, mappers.added());
        omit(built, mappers.omitted());
        if (signer != null) {
            signer.signAssertion(built);
        }
        return Saml1Xml.toXmlString(Saml1AssertionBuilder.assertionOf(built));
    }

    static String success(String requestId, int minorVersion, String assertionXml) {
        String envelope = Saml1Xml.toXmlString(
                new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM).successEnvelope(requestId, minorVersion));
        return Saml1AssertionBuilder.withAssertion(envelope, assertionXml);
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

    static String error(AuthenticationDataRequest request, MoaStatus status) {
        return Saml1Xml.toXmlString(new Saml1AssertionBuilder(Clock.systemUTC(), RANDOM)
                .errorResponse(request.requestId(), request.minorVersion(), status));
    }

    static String soapFault(boolean clientFault, String reason) {
        return Saml1Xml.toXmlString(SoapFaultBuilder.fault(
                clientFault ? SoapFaultBuilder.FaultCode.CLIENT : SoapFaultBuilder.FaultCode.SERVER, reason));
    }
}
