package dev.govid.keycloak.digid;

import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.loa.RequiredLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.saml.EidIdentityProvider;
import dev.govid.keycloak.saml.EidResponseCallback;
import dev.govid.keycloak.saml.EidSystemName;
import dev.govid.keycloak.saml.GuardedSamlEndpoint;
import dev.govid.keycloak.saml.ReceivedAssertion;
import jakarta.ws.rs.core.UriInfo;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.PemUtils;
import org.keycloak.crypto.KeyUse;
import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.IndexedEndpointType;
import org.keycloak.dom.saml.v2.metadata.KeyDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyTypes;
import org.keycloak.dom.saml.v2.metadata.LocalizedNameType;
import org.keycloak.dom.saml.v2.metadata.RequestedAttributeType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.dom.saml.v2.protocol.ArtifactResolveType;
import org.keycloak.dom.saml.v2.protocol.ArtifactResponseType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.JaxrsSAML2BindingBuilder;
import org.keycloak.protocol.saml.profile.util.Soap;
import org.keycloak.saml.SPMetadataDescriptor;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.keycloak.saml.processing.api.saml.v2.response.SAML2Response;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Keycloak's SAML broker with the DigiD profile on GovID's shared eID base: the level in the generation's vocabulary,
 * 4.x's AssertionConsumerServiceIndex and AttributeConsumingServiceIndex instead of the ACS URL, the answer by
 * HTTP-Artifact resolved once over the mutual-TLS SOAP back channel ({@link #resolveArtifact}), the response rules in
 * {@link DigidResponseCallback}, and SP metadata as Logius registers it.
 */
public class DigidIdentityProvider extends EidIdentityProvider<DigidConfig> {

    static final String SERVICE_UUID_ATTRIBUTE = "urn:nl-eid-gdi:1.0:ServiceUUID";

    public DigidIdentityProvider(
            KeycloakSession session, DigidConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator, EidSystemName.DIGID);
    }

    public DigidConfig digidConfig() {
        return profileConfig();
    }

    /** No extension: DigiD takes the level in the generation's vocabulary only. */
    @Override
    protected EidRequest eidRequest(DigidConfig config, AuthenticationSessionModel authSession) {
        DigidLevel level = DigidLevel.of(
                RequiredLevel.toRequest(config.getMinimumDigidLevel().level(), authSession));
        return new EidRequest(null, level.write(config.getGeneration()));
    }

    @Override
    protected void adjustAuthnRequest(AuthnRequestType authnRequest, AuthenticationSessionModel authSession) {
        // DigiD takes the NameID it always sends; neither generation's clients send a NameIDPolicy.
        authnRequest.setNameIDPolicy(null);
        DigidConfig config = digidConfig();
        if (config.getGeneration() == DigidGeneration.V4) {
            // ST-SAML: the ACS by index only, AssertionConsumerServiceURL MUST NOT be sent.
            authnRequest.setAssertionConsumerServiceURL(null);
            authnRequest.setProtocolBinding(null);
            authnRequest.setAssertionConsumerServiceIndex(config.getAcsIndex());
            authnRequest.setAttributeConsumingServiceIndex(config.getServiceIndex());
        }
    }

    @Override
    protected EidResponseCallback responseCallback(AuthenticationCallback broker) {
        return new DigidResponseCallback(session, this, broker);
    }

    /** The artifact binding's own refusal pages in front of the shared guard. */
    @Override
    protected GuardedSamlEndpoint endpoint(
            EidResponseCallback responseCallback, DestinationValidator destinationValidator) {
        return new DigidSamlEndpoint(session, this, digidConfig(), responseCallback, destinationValidator);
    }

    /**
     * Keycloak's artifact resolution with DigiD's checks around it. The artifact is checked before anything is sent;
     * the ArtifactResolve is always signed (Keycloak signs it only with request signing on, which the profile fixes)
     * and names its Destination; it goes through Keycloak's outgoing HTTP client, whose client keystore is the
     * mutual-TLS certificate. The answer must be one signed ArtifactResponse to this ArtifactResolve with a Response
     * inside; Keycloak then verifies that signature and the inner Response's Destination.
     */
    @Override
    public SAMLDocumentHolder resolveArtifact(
            KeycloakSession session, UriInfo uriInfo, RealmModel realm, String relayState, String samlArt) {
        try {
            return resolveChecked(session, uriInfo, realm, samlArt);
        } catch (DigidArtifactRefused e) {
            // Keycloak's endpoint turns any exception into its own page; DigidSamlEndpoint shows this one instead.
            session.setAttribute(DigidArtifactRefused.class.getName(), e);
            throw e;
        }
    }

    private SAMLDocumentHolder resolveChecked(
            KeycloakSession session, UriInfo uriInfo, RealmModel realm, String samlArt) {
        DigidConfig config = digidConfig();
        String url = config.getArtifactResolutionServiceUrl();
        if (url == null) {
            throw new DigidArtifactRefused(
                    DigidMessages.BACK_CHANNEL, "no ArtifactResolutionService known (IdP metadata not read)");
        }
        String problem = DigidArtifact.problem(samlArt, config.getIdpEntityId());
        if (problem != null) {
            throw new DigidArtifactRefused(DigidMessages.ARTIFACT_REFUSED, problem);
        }
        Document answer;
        String resolveId;
        try {
            ArtifactResolveType resolve = buildArtifactResolveRequest(uriInfo, realm, url, samlArt);
            resolveId = resolve.getID();
            KeyManager.ActiveRsaKey keys = session.keys().getActiveRsaKey(realm);
            String keyName =
                    config.getXmlSigKeyInfoKeyNameTransformer().getKeyName(keys.getKid(), keys.getCertificate());
            Document soapBody = new JaxrsSAML2BindingBuilder(session)
                    .signWith(keyName, keys.getPrivateKey(), keys.getPublicKey(), keys.getCertificate())
                    .signatureAlgorithm(getSignatureAlgorithm())
                    .signDocument()
                    .soapBinding(SAML2Request.convert(resolve))
                    .getDocument();
            SOAPMessage soap = Soap.createMessage()
                    .addMimeHeader("SOAPAction", "http://www.oasis-open.org/committees/security")
                    .addToBody(soapBody)
                    .call(url, session);
            answer = Soap.extractSoapMessage(soap);
        } catch (SOAPException | RuntimeException e) {
            throw new DigidArtifactRefused(
                    DigidMessages.BACK_CHANNEL, "artifact resolution at " + url + " failed: " + rootCause(e));
        } catch (Exception e) {
            throw new DigidArtifactRefused(
                    DigidMessages.BACK_CHANNEL, "artifact resolution at " + url + " failed: " + rootCause(e));
        }
        Element root = answer.getDocumentElement();
        if (root == null
                || !ResolvedArtifact.SAMLP.equals(root.getNamespaceURI())
                || !"ArtifactResponse".equals(root.getLocalName())) {
            throw new DigidArtifactRefused(
                    DigidMessages.ARTIFACT_REFUSED,
                    "the back channel answered with " + (root == null ? "nothing" : root.getLocalName())
                            + ", not an ArtifactResponse");
        }
        if (ResolvedArtifact.firstChild(root, "http://www.w3.org/2000/09/xmldsig#", "Signature") == null) {
            // Keycloak would accept an unsigned ArtifactResponse when the assertion inside is signed; DigiD signs both.
            throw new DigidArtifactRefused(DigidMessages.NOT_SIGNED, "the ArtifactResponse is not signed");
        }
        if (!resolveId.equals(root.getAttribute("InResponseTo"))) {
            throw new DigidArtifactRefused(
                    DigidMessages.ARTIFACT_REFUSED,
                    "ArtifactResponse InResponseTo '" + root.getAttribute("InResponseTo")
                            + "' is not this ArtifactResolve");
        }
        Element status = ResolvedArtifact.firstChild(root, ResolvedArtifact.SAMLP, "Status");
        Element code =
                status == null ? null : ResolvedArtifact.firstChild(status, ResolvedArtifact.SAMLP, "StatusCode");
        if (code == null || !JBossSAMLURIConstants.STATUS_SUCCESS.get().equals(code.getAttribute("Value"))) {
            throw new DigidArtifactRefused(
                    DigidMessages.ARTIFACT_REFUSED,
                    "ArtifactResponse status " + (code == null ? "missing" : code.getAttribute("Value"))
                            + " (artifact unknown, expired or already resolved)");
        }
        if (ResolvedArtifact.firstChild(root, ResolvedArtifact.SAMLP, "Response") == null) {
            throw new DigidArtifactRefused(
                    DigidMessages.ARTIFACT_REFUSED,
                    "the ArtifactResponse carries no Response (artifact unknown, expired or already resolved)");
        }
        markIds(answer);
        try {
            // Keycloak checks the same signatures next, but logs a failure with a stack trace; refused here, it is one
            // line.
            org.keycloak.protocol.saml.SamlProtocolUtils.verifyDocumentSignature(answer, idpKeys(realm));
        } catch (org.keycloak.common.VerificationException e) {
            throw new DigidArtifactRefused(
                    DigidMessages.NOT_SIGNED,
                    "a signature in the ArtifactResponse does not verify with the IdP metadata keys");
        }
        try {
            SAMLDocumentHolder holder = SAML2Response.getSAML2ObjectFromDocument(answer);
            if (!(holder.getSamlObject() instanceof ArtifactResponseType)) {
                throw new DigidArtifactRefused(DigidMessages.ARTIFACT_REFUSED, "unreadable ArtifactResponse");
            }
            ResolvedArtifact.keep(session, answer);
            return holder;
        } catch (DigidArtifactRefused e) {
            throw e;
        } catch (Exception e) {
            throw new DigidArtifactRefused(
                    DigidMessages.ARTIFACT_REFUSED, "unreadable ArtifactResponse: " + rootCause(e));
        }
    }

    /**
     * The 4.x identities are encrypted inside the resolved artifact, which a later request no longer has, so the
     * callback's login travels as JSON in the broker context ({@link DigidResponseCallback#LOGIN_DATA}).
     */
    @Override
    protected Optional<EidLogin> loginAfterFirstBrokerLogin(BrokeredIdentityContext context) {
        return Optional.ofNullable(context.getContextData().get(DigidResponseCallback.LOGIN_DATA))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .flatMap(DigidLoginReader::fromJson);
    }

    /** Not read from the assertion alone: see {@link #loginAfterFirstBrokerLogin}. */
    @Override
    protected Optional<EidLogin> readLogin(ReceivedAssertion assertion) {
        return Optional.empty();
    }

    /**
     * SP metadata as Logius asks for it: only the HTTP-Artifact AssertionConsumerService (the base keeps only that
     * one; here it gets the configured index and is the default), signing and encryption keys with KeyName,
     * WantAssertionsSigned, signed, and for 4.x an AttributeConsumingService carrying the ServiceUUID as the value of
     * its RequestedAttribute.
     */
    @Override
    protected void adjustSpDescriptor(SPSSODescriptorType sp, RealmModel realm) {
        DigidConfig config = digidConfig();
        sp.setWantAssertionsSigned(true);
        for (IndexedEndpointType acs : sp.getAssertionConsumerService()) {
            acs.setIndex(config.getAcsIndex());
            acs.setIsDefault(true);
        }
        if (sp.getKeyDescriptor().stream().noneMatch(k -> k.getUse() == KeyTypes.ENCRYPTION)) {
            encryptionKeys(realm).forEach(sp::addKeyDescriptor);
        }
        config.getServiceUuid().ifPresent(uuid -> {
            List.copyOf(sp.getAttributeConsumingService()).forEach(sp::removeAttributeConsumerService);
            AttributeConsumingServiceType service = new AttributeConsumingServiceType(config.getServiceIndex());
            service.setIsDefault(true);
            LocalizedNameType name = new LocalizedNameType("nl");
            name.setValue(realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName());
            service.addServiceName(name);
            RequestedAttributeType requested = new RequestedAttributeType(SERVICE_UUID_ATTRIBUTE);
            requested.addAttributeValue(uuid);
            service.addRequestedAttribute(requested);
            sp.addAttributeConsumerService(service);
        });
    }

    /** DigiD 4.x encrypts the identities to the SP; Keycloak lists encryption keys only when it wants encrypted assertions. */
    private List<KeyDescriptorType> encryptionKeys(RealmModel realm) {
        return session.keys()
                .getKeysStream(realm)
                .filter(key -> key.getStatus().isActive()
                        && KeyUse.ENC.equals(key.getUse())
                        && key.getCertificate() != null
                        && "RSA-OAEP".equals(key.getAlgorithmOrDefault()))
                .map(key -> {
                    try {
                        Element keyInfo = SPMetadataDescriptor.buildKeyInfoElement(
                                key.getKid(), PemUtils.encodeCertificate(key.getCertificate()));
                        return SPMetadataDescriptor.buildKeyDescriptorType(keyInfo, KeyTypes.ENCRYPTION, null);
                    } catch (Exception e) {
                        throw new IllegalStateException("SP metadata: encryption key not exportable", e);
                    }
                })
                .toList();
    }

    /** The IdP's signing keys from its metadata, cached by Keycloak exactly as {@code SAMLEndpoint} looks them up. */
    private org.keycloak.rotation.KeyLocator idpKeys(RealmModel realm) {
        DigidConfig config = digidConfig();
        String modelKey =
                org.keycloak.keys.PublicKeyStorageUtils.getIdpModelCacheKey(realm.getId(), config.getInternalId());
        return new org.keycloak.protocol.saml.SamlMetadataKeyLocator(
                modelKey,
                new org.keycloak.protocol.saml.SamlMetadataPublicKeyLoader(session, config.getMetadataDescriptorUrl()),
                KeyUse.SIG,
                session.getProvider(org.keycloak.keys.PublicKeyStorageProvider.class));
    }

    /**
     * Keycloak 26.7 marks only the ArtifactResponse's own ID before checking every signature in it, so the signed
     * Assertion inside (as DigiD sends it) cannot be resolved (keycloak#50684, fixed in 26.8). The IDs of the SAML
     * messages and assertions in the answer are marked here, and an answer using one ID twice is refused, which is
     * what would let a wrapped copy stand in for the signed element.
     */
    private static void markIds(Document answer) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        org.w3c.dom.NodeList all = answer.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String ns = e.getNamespaceURI();
            if (e.hasAttribute("ID") && (ResolvedArtifact.SAMLP.equals(ns) || ResolvedArtifact.SAML.equals(ns))) {
                if (!seen.add(e.getAttribute("ID"))) {
                    throw new DigidArtifactRefused(
                            DigidMessages.ARTIFACT_REFUSED,
                            "the ArtifactResponse uses the ID " + e.getAttribute("ID") + " twice");
                }
                e.setIdAttribute("ID", true);
            }
        }
    }

    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
